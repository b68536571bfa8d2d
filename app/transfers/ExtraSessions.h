// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <memory>
#include <vector>

namespace sshcore {
class SshConnection;
class UnattendedInteraction;
} // namespace sshcore

namespace app {

// The extra SSH sessions a big file is split over (see SplitTransfer): opened to the main
// connection's server with its settings, each on its own worker thread (its own core), and logged in
// without a person (sshcore::UnattendedInteraction), only when the main login needed none. Kept while
// big files keep coming, closed after an idle time with none lent, and at once when the main
// connection leaves Connected. A session that does not come up (the server refuses the connection,
// or MaxStartups, or MaxSessions) is dropped silently, and no more are opened until all have been
// closed: fewer sessions, never an error, never a question.
class ExtraSessions : public QObject
{
    Q_OBJECT

public:
    explicit ExtraSessions(sshcore::SshConnection *main, QObject *parent = nullptr);
    ~ExtraSessions() override;

    // How many may be open at once; 0 closes them and opens none.
    void setMaximum(int sessions);
    int maximum() const { return m_maximum; }
    void setIdleTimeout(std::chrono::milliseconds timeout) { m_idle.setInterval(timeout); }

    // Opens sessions up to the maximum, if the main connection is up and its login needed no person.
    void warmUp();
    // A connected session not lent to anyone, or null; lent until given back or dropped.
    sshcore::SshConnection *borrow();
    void giveBack(sshcore::SshConnection *session);
    // The session failed while lent: closed and forgotten.
    void drop(sshcore::SshConnection *session);

    int open() const { return int(m_sessions.size()); }
    // Sessions that logged in, over this object's life (for tests and the benchmark).
    int loggedIn() const { return m_loggedIn; }

Q_SIGNALS:
    // A session logged in and waits to be borrowed.
    void available();

private:
    struct Session
    {
        std::unique_ptr<sshcore::UnattendedInteraction> interaction;
        std::unique_ptr<sshcore::SshConnection> connection;
        bool lent = false;
    };

    void onSessionState(sshcore::SshConnection *session);
    void remove(sshcore::SshConnection *session);
    void closeAll();
    void maybeIdle();

    QPointer<sshcore::SshConnection> m_main;
    std::vector<Session> m_sessions;
    int m_maximum = 0;      // TransferQueue sets it
    bool m_limited = false; // a session failed to come up: the server allows no more for now
    int m_loggedIn = 0;
    QTimer m_idle;
};

} // namespace app
