// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/transfers/ExtraSessions.h"

#include "sshcore/SshConnection.h"
#include "sshcore/UnattendedInteraction.h"

#include <algorithm>

using namespace std::chrono_literals;
using sshcore::SshConnection;
using sshcore::SshConnectionState;

namespace app {

ExtraSessions::ExtraSessions(SshConnection *main, QObject *parent)
    : QObject(parent)
    , m_main(main)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(30s);
    connect(&m_idle, &QTimer::timeout, this, &ExtraSessions::closeAll);
    connect(main, &SshConnection::stateChanged, this, [this](SshConnectionState state) {
        if (state != SshConnectionState::Connected)
            closeAll(); // their ranges fail with it, and resume with the main connection
    });
}

// Deleting a connection never waits for its thread (see SshConnection).
ExtraSessions::~ExtraSessions() = default;

void ExtraSessions::setMaximum(int sessions)
{
    m_maximum = std::max(0, sessions);
    if (m_maximum == 0)
        closeAll();
}

void ExtraSessions::warmUp()
{
    m_idle.stop();
    if (!m_main || m_main->state() != SshConnectionState::Connected || !m_main->loginNeedsNoPerson() || m_limited)
        return;
    sshcore::SshConnectionSettings settings = m_main->settings();
    settings.reconnect = false; // one that drops is dropped; its range goes back to the others
    while (int(m_sessions.size()) < m_maximum) {
        Session session;
        session.interaction = std::make_unique<sshcore::UnattendedInteraction>(*m_main->unattendedLogin(), settings);
        session.connection = std::make_unique<SshConnection>(settings, session.interaction.get());
        SshConnection *connection = session.connection.get();
        connect(connection, &SshConnection::stateChanged, this, [this, connection] { onSessionState(connection); });
        m_sessions.push_back(std::move(session));
        connection->open();
    }
}

void ExtraSessions::onSessionState(SshConnection *session)
{
    const auto found = std::ranges::find_if(m_sessions,
                                            [&](const Session &s) { return s.connection.get() == session; });
    if (found == m_sessions.end())
        return;
    switch (session->state()) {
    case SshConnectionState::Connected:
        ++m_loggedIn;
        if (!found->lent)
            Q_EMIT available();
        maybeIdle();
        return;
    case SshConnectionState::Failed:
    case SshConnectionState::Disconnected:
        m_limited = true; // refused, or dropped: open no more until all are closed
        if (!found->lent)
            remove(session); // a lent one goes when its borrower hears of it
        return;
    case SshConnectionState::Connecting:
    case SshConnectionState::Authenticating:
    case SshConnectionState::Reconnecting: return;
    }
}

SshConnection *ExtraSessions::borrow()
{
    for (Session &session : m_sessions) {
        if (!session.lent && session.connection->state() == SshConnectionState::Connected) {
            session.lent = true;
            m_idle.stop();
            return session.connection.get();
        }
    }
    return nullptr;
}

void ExtraSessions::giveBack(SshConnection *session)
{
    const auto found = std::ranges::find_if(m_sessions,
                                            [&](const Session &s) { return s.connection.get() == session; });
    if (found == m_sessions.end())
        return;
    found->lent = false;
    if (session->state() != SshConnectionState::Connected)
        remove(session);
    else
        Q_EMIT available();
    maybeIdle();
}

void ExtraSessions::drop(SshConnection *session)
{
    m_limited = true;
    remove(session);
    maybeIdle();
}

// Called from the session's own signal, possibly: deleted later, once that returned.
void ExtraSessions::remove(SshConnection *session)
{
    const auto found = std::ranges::find_if(m_sessions,
                                            [&](const Session &s) { return s.connection.get() == session; });
    if (found == m_sessions.end())
        return;
    found->connection.release()->deleteLater();
    found->interaction.release()->deleteLater();
    m_sessions.erase(found);
}

void ExtraSessions::closeAll()
{
    m_idle.stop();
    while (!m_sessions.empty())
        remove(m_sessions.back().connection.get());
    m_limited = false;
}

// None lent: closed after the idle time, unless a big file comes first.
void ExtraSessions::maybeIdle()
{
    if (std::ranges::none_of(m_sessions, [](const Session &s) { return s.lent; }) && !m_sessions.empty())
        m_idle.start();
}

} // namespace app
