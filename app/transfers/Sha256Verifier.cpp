// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/transfers/Sha256Verifier.h"

#include "sshcore/SshCommand.h"
#include "sshcore/SshConnection.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QtConcurrent/QtConcurrentRun>

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::TransferQueue)
};

constexpr qint64 chunk = 1 << 20;

} // namespace

Sha256Verifier::Sha256Verifier(sshcore::SshConnection *connection, int threads)
    : m_connection(connection)
{
    m_pool.setMaxThreadCount(threads);
    m_pool.setObjectName(QStringLiteral("clusterdesk.transfers.sha256"));
}

Sha256Verifier::~Sha256Verifier()
{
    m_closing->store(true);
}

QFuture<QByteArray> Sha256Verifier::hashLocal(QThreadPool *pool, const QString &file,
                                              std::shared_ptr<std::atomic_bool> stop)
{
    return QtConcurrent::run(pool, [file, stop = std::move(stop)] {
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly))
            return QByteArray();
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QByteArray buffer(chunk, Qt::Uninitialized);
        for (;;) {
            if (stop->load(std::memory_order_relaxed))
                return QByteArray();
            const qint64 n = input.read(buffer.data(), chunk);
            if (n < 0)
                return QByteArray();
            if (n == 0)
                break;
            hash.addData(QByteArrayView(buffer.constData(), n));
        }
        return hash.result().toHex();
    });
}

void Sha256Verifier::compare(const QString &localFile, const QByteArray &remoteFile, QObject *context, Done done)
{
    struct Hashes
    {
        QByteArray local;
        QByteArray remote;
        QString error;
        int pending = 2;
        Done done;
    };
    auto hashes = std::make_shared<Hashes>();
    hashes->done = std::move(done);
    const auto oneDone = [hashes] {
        if (--hashes->pending > 0)
            return;
        if (!hashes->error.isEmpty())
            hashes->done(sshcore::failure(hashes->error));
        else if (hashes->local != hashes->remote)
            hashes->done(
                sshcore::failure(Tr::tr("The copy differs from the original (SHA-256 %1 here, %2 "
                                        "on the cluster); it was not put in place.")
                                     .arg(QString::fromLatin1(hashes->local), QString::fromLatin1(hashes->remote))));
        else
            hashes->done({});
    };
    if (!m_connection) {
        hashes->done(sshcore::failure(sshcore::ErrorKind::LinkLost, Tr::tr("Not connected.")));
        return;
    }
    sshcore::SshCommand *command = m_connection->run({"sha256sum", "--", remoteFile}, {}, context);
    QObject::connect(command, &sshcore::SshCommand::finished, context, [command, hashes, oneDone] {
        command->deleteLater();
        const auto &result = command->result();
        if (!result)
            hashes->error = result.error().message;
        else if (result->exitStatus != 0)
            hashes->error = Tr::tr("sha256sum on the cluster failed: %1")
                                .arg(QString::fromUtf8(result->standardError).trimmed());
        else
            hashes->remote = result->standardOutput.left(64);
        oneDone();
    });
    hashLocal(&m_pool, localFile, m_closing).then(context, [hashes, oneDone, localFile](const QByteArray &local) {
        hashes->local = local;
        if (local.isEmpty() && hashes->error.isEmpty())
            hashes->error = Tr::tr("Cannot read '%1' to check it.").arg(localFile);
        oneDone();
    });
}

} // namespace app
