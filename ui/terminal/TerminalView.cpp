// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/terminal/TerminalView.h"

#include "sshcore/SshConnection.h"
#include "sshcore/SshPty.h"
#include "ui/terminal/TerminalScreen.h"
#include "ui/widgets/Palette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

TerminalView::TerminalView(sshcore::SshConnection *connection, TerminalLaunch launch, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_launch(std::move(launch))
    , m_screen(new TerminalScreen(this))
    , m_where(new QLabel(this))
    , m_status(new QLabel(this))
    , m_note(new QLabel(this))
    , m_reopen(new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Reopen"), this))
{
    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("terminalHeader"));
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(10, 6, 10, 6);
    m_where->setObjectName(QStringLiteral("terminalWhere"));
    m_where->setTextFormat(Qt::PlainText);
    m_where->setText(m_launch.where);
    QFont bold = m_where->font();
    bold.setBold(true);
    m_where->setFont(bold);
    m_status->setObjectName(QStringLiteral("terminalStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_note->setObjectName(QStringLiteral("terminalNote"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->hide();
    m_reopen->setObjectName(QStringLiteral("terminalReopen"));
    m_reopen->setToolTip(m_launch.keptSession.isEmpty()
                             ? tr("Start the program again in this tab")
                             : tr("Reattach to the tmux or screen session '%1', where the shell kept running")
                                   .arg(m_launch.keptSession));
    m_reopen->hide();
    connect(m_reopen, &QPushButton::clicked, this, &TerminalView::start);
    row->addWidget(m_where);
    row->addSpacing(12);
    row->addWidget(m_status, 1);
    row->addWidget(m_note);
    row->addWidget(m_reopen);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(m_screen, 1);
    setFocusProxy(m_screen);

    connect(m_screen, &TerminalScreen::input, this, [this](const QByteArray &keys) {
        if (m_pty && m_state == State::Running)
            m_pty->write(keys);
    });
    connect(m_screen, &TerminalScreen::shown, this, [this](qint64 bytes) {
        if (m_pty)
            m_pty->consumed(bytes);
    });
    connect(m_screen, &TerminalScreen::sizeChanged, this, [this](int columns, int rows) {
        if (m_pty)
            m_pty->resize(columns, rows);
    });
    if (m_connection)
        connect(m_connection, &sshcore::SshConnection::stateChanged, this, &TerminalView::connectionChanged);
    setState(State::Waiting, tr("Not started"));
}

TerminalView::~TerminalView()
{
    delete m_pty; // hangs up
}

void TerminalView::start()
{
    if (m_state == State::Starting || m_state == State::Running)
        return;
    if (!m_connection || m_connection->state() != sshcore::SshConnectionState::Connected) {
        // Started as soon as the link is back (connectionChanged).
        m_wantStart = true;
        setState(State::Waiting, m_connection ? tr("Waiting for the connection to the cluster…")
                                              : tr("The cluster's connection is gone."));
        return;
    }
    m_wantStart = false;
    delete m_pty;
    sshcore::PtyOptions options;
    options.command = m_launch.command;
    options.columns = m_screen->columns() > 0 ? m_screen->columns() : 80;
    options.rows = m_screen->rows() > 0 ? m_screen->rows() : 24;
    // Most servers take only LANG and LC_* (OpenSSH's AcceptEnv); the widget draws true colour.
    options.environment = {{"COLORTERM", "truecolor"}};
    m_pty = m_connection->openPty(options, this);
    ++m_starts;
    connect(m_pty, &sshcore::SshPty::started, this, [this] {
        setState(State::Running, m_launch.keptSession.isEmpty()
                                     ? tr("Running")
                                     : (m_starts > 1 ? tr("Running · reattached to tmux/screen session '%1'")
                                                     : tr("Running · kept in tmux/screen session '%1'"))
                                           .arg(m_launch.keptSession));
    });
    connect(m_pty, &sshcore::SshPty::outputReady, this, [this](const QByteArray &bytes) {
        m_screen->feed(bytes);
        Q_EMIT output(bytes);
    });
    connect(m_pty, &sshcore::SshPty::finished, this, &TerminalView::onFinished);
    setState(State::Starting, tr("Starting…"));
}

void TerminalView::hangUp()
{
    m_wantStart = false;
    if (m_pty && !m_pty->isFinished())
        m_pty->close();
}

void TerminalView::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void TerminalView::onFinished(int exitStatus, const QString &exitSignal, const sshcore::Error &error)
{
    QString text;
    if (error.message.isEmpty())
        text = exitSignal.isEmpty() ? tr("Ended (exit status %1)").arg(exitStatus)
                                    : tr("Ended by signal %1").arg(exitSignal);
    else if (error.is(sshcore::ErrorKind::LinkLost))
        text = m_launch.keptSession.isEmpty()
                   ? tr("The connection dropped; the shell ended with it.")
                   : tr("The connection dropped; the shell goes on in tmux/screen session '%1'. Reopen to "
                        "reattach.")
                         .arg(m_launch.keptSession);
    else if (error.is(sshcore::ErrorKind::Cancelled))
        text = tr("Closed");
    else
        text = error.message;
    const bool problem = !error.message.isEmpty() && !error.is(sshcore::ErrorKind::Cancelled);
    setState(State::Ended, text, problem);
    Q_EMIT ended(exitStatus, error);
}

void TerminalView::connectionChanged()
{
    if (m_wantStart && m_connection && m_connection->state() == sshcore::SshConnectionState::Connected)
        start();
    else if (m_state == State::Ended)
        m_reopen->setEnabled(m_connection && m_connection->state() == sshcore::SshConnectionState::Connected);
}

void TerminalView::setState(State state, const QString &text, bool problem)
{
    m_state = state;
    m_status->setText(text);
    const bool ended = state == State::Ended;
    m_reopen->setVisible(ended);
    m_reopen->setEnabled(ended && m_connection && m_connection->state() == sshcore::SshConnectionState::Connected);
    if (problem)
        palette::showAsProblem(m_status);
    else
        m_status->setPalette(QPalette());
    Q_EMIT stateChanged(state);
}

} // namespace ui
