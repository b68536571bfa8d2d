// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLockFile>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QLocalServer;
class QLocalSocket;
class QTimer;

namespace app {

// One clusterdesk window per user: a second `clusterdesk FILE...` hands its files to the one that
// runs (over a local socket in the user's private runtime folder) and quits, instead of opening a
// second window with second connections. Nothing waits: one of primary() or handedOver() follows
// start() (primary() possibly before start() returns, when no socket exists at all).
//
// The exchange is one JSON line each way: {"files": [absolute paths]} and {"ok": true}.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // socketPath: where the socket lives; the default is private to the user.
    explicit SingleInstance(QString socketPath = defaultSocketPath(), QObject *parent = nullptr);
    ~SingleInstance() override;

    // $XDG_RUNTIME_DIR/clusterdesk.socket (Qt's runtime folder: the user's alone).
    static QString defaultSocketPath();

    // Looks for a running clusterdesk and hands it files (made absolute here, against this
    // process's working folder); if none answers, listens for the next one.
    void start(const QStringList &files);
    // Whether this one listens for others (after primary()).
    bool isListening() const;

    // How long a running one may take to answer before this one gives up on it.
    static constexpr int AnswerTimeoutMs = 5000;

Q_SIGNALS:
    // No other clusterdesk answered: this one shows the window. problem is empty, or says why this
    // one could not listen for others (it still works, alone).
    void primary(const QString &problem);
    // The running clusterdesk has the files: this one can quit.
    void handedOver();
    // (In the one listening) another clusterdesk was started with these files; none: just show
    // the window.
    void requested(const QStringList &files);

private:
    void connectToRunning();
    void listen();
    void answer(QLocalSocket *socket);
    void giveUp(const QString &problem);

    QString m_path;
    QByteArray m_message;
    QPointer<QLocalSocket> m_client;
    QLocalServer *m_server = nullptr;
    QTimer *m_timeout;
    bool m_decided = false;
    // Held by the one that listens: two clusterdesks started together decide by it who does.
    std::unique_ptr<QLockFile> m_lock;
    int m_attempts = 0;
};

} // namespace app
