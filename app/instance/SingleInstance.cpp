// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/instance/SingleInstance.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTimer>

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::SingleInstance)
};

// A request is a few paths; anything longer is not from clusterdesk.
constexpr qsizetype MaximumLine = 1024 * 1024;
// Asking again while another clusterdesk, started at the same moment, begins to listen.
constexpr int RetryDelayMs = 200;
constexpr int RetryLimit = 20;

} // namespace

SingleInstance::SingleInstance(QString socketPath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(socketPath))
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    m_timeout->setInterval(AnswerTimeoutMs);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        giveUp(Tr::tr("Another clusterdesk is running but did not answer within %1 seconds; this one opens a "
                      "window of its own.")
                   .arg(AnswerTimeoutMs / 1000));
    });
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultSocketPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation) + QStringLiteral("/clusterdesk.socket");
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

void SingleInstance::start(const QStringList &files)
{
    QJsonArray paths;
    for (const QString &file : files)
        paths.append(QFileInfo(file).absoluteFilePath());
    m_message = QJsonDocument(QJsonObject{{QStringLiteral("files"), paths}}).toJson(QJsonDocument::Compact) + '\n';
    connectToRunning();
}

void SingleInstance::connectToRunning()
{
    auto *client = new QLocalSocket(this);
    m_client = client;
    connect(client, &QLocalSocket::connected, this, [this, client] { client->write(m_message); });
    connect(client, &QLocalSocket::readyRead, this, [this, client] {
        if (!client->canReadLine())
            return;
        const QJsonObject reply = QJsonDocument::fromJson(client->readLine()).object();
        if (m_decided)
            return;
        if (!reply.value(QStringLiteral("ok")).toBool())
            return giveUp(
                Tr::tr("Another clusterdesk is running but refused the files; this one opens a window of its own."));
        m_decided = true;
        m_timeout->stop();
        client->disconnectFromServer();
        Q_EMIT handedOver();
    });
    connect(client, &QLocalSocket::errorOccurred, this, [this, client](QLocalSocket::LocalSocketError error) {
        if (m_decided)
            return;
        // Nobody listens (none runs, or one crashed and left its socket behind): this one will.
        if (error == QLocalSocket::ServerNotFoundError || error == QLocalSocket::ConnectionRefusedError) {
            m_timeout->stop();
            client->deleteLater();
            return listen();
        }
        giveUp(Tr::tr("Another clusterdesk could not be reached (%1); this one opens a window of its own.")
                   .arg(client->errorString()));
    });
    m_timeout->start();
    client->connectToServer(m_path);
}

void SingleInstance::listen()
{
    // The lock beside the socket says who listens. Held by a live clusterdesk: it is starting to
    // listen right now, so ask it again in a moment; held by one that died: QLockFile takes it over
    // (no time limit: only a dead holder's lock is stale).
    m_lock = std::make_unique<QLockFile>(m_path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        m_lock.reset();
        if (++m_attempts > RetryLimit)
            return giveUp(Tr::tr("Another clusterdesk is starting but does not listen for files; this one opens "
                                 "a window of its own."));
        m_timeout->start();
        QTimer::singleShot(RetryDelayMs, this, [this] {
            if (!m_decided)
                connectToRunning();
        });
        return;
    }
    m_decided = true;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] { answer(socket); });
        }
    });
    if (!m_server->listen(m_path)) {
        // A socket file left by a clusterdesk that ended without removing it: nobody answered on it,
        // and this one holds the lock, so no live one listens there.
        QLocalServer::removeServer(m_path);
        if (!m_server->listen(m_path)) {
            Q_EMIT primary(Tr::tr("clusterdesk cannot listen on %1 for files opened later (%2); they will open "
                                  "windows of their own.")
                               .arg(m_path, m_server->errorString()));
            return;
        }
    }
    Q_EMIT primary(QString());
}

void SingleInstance::answer(QLocalSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > MaximumLine)
            socket->abort();
        return;
    }
    const QJsonObject request = QJsonDocument::fromJson(socket->readLine()).object();
    const QJsonValue files = request.value(QStringLiteral("files"));
    if (!files.isArray()) {
        socket->write(QJsonDocument(QJsonObject{{QStringLiteral("ok"), false}}).toJson(QJsonDocument::Compact) + '\n');
        return;
    }
    QStringList paths;
    for (const QJsonValue &path : files.toArray())
        paths.append(path.toString());
    socket->write(QJsonDocument(QJsonObject{{QStringLiteral("ok"), true}}).toJson(QJsonDocument::Compact) + '\n');
    Q_EMIT requested(paths);
}

void SingleInstance::giveUp(const QString &problem)
{
    if (m_decided)
        return;
    m_decided = true;
    m_timeout->stop();
    if (m_client)
        m_client->abort();
    Q_EMIT primary(problem);
}

} // namespace app
