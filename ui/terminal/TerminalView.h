// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace sshcore {
class SshConnection;
class SshPty;
struct Error;
} // namespace sshcore

namespace ui {

class TerminalScreen;

// What a terminal tab runs, and how it names it.
struct TerminalLaunch
{
    QString title;      // the tab's title: "login node", "~/project", "job 4711 on node01"
    QString where;      // the header's longer line: "alice@login.cluster.org, in ~/project"
    QByteArray command; // for the remote shell; empty: the login shell
    // The tmux or screen session the shell runs in ("" for none): reopening reattaches to it.
    QString keptSession;
};

// One terminal tab: a header saying where the program runs and how it is, and the terminal, driven
// over a PTY channel of the cluster's one SSH session (SshPty). When the program ends or the link
// drops, the header says so and offers to reopen (which reattaches when the shell is kept in tmux or
// screen). The screen's output is flow-controlled end to end: the remote program waits while the
// widget is behind.
class TerminalView : public QWidget
{
    Q_OBJECT

public:
    enum class State { Waiting, Starting, Running, Ended };
    Q_ENUM(State)

    TerminalView(sshcore::SshConnection *connection, TerminalLaunch launch, QWidget *parent = nullptr);
    ~TerminalView() override;

    const TerminalLaunch &launch() const { return m_launch; }
    State state() const { return m_state; }
    TerminalScreen *screen() const { return m_screen; }
    // Opens the PTY (again, after an end); waits for the connection when it is not up.
    void start();
    // Hangs up the remote program (the channel closes; it gets SIGHUP).
    void hangUp();
    // A line above the terminal for what the tab's owner knows (an allocation's time left).
    void setNote(const QString &note);
    // How many times the program was started (the first time and each reopen).
    int starts() const { return m_starts; }

Q_SIGNALS:
    void stateChanged(ui::TerminalView::State state);
    // Everything the remote program wrote, as it arrives (for whoever watches it, e.g. an allocation).
    void output(const QByteArray &data);
    void titleChanged(const QString &title);
    // The program ended: by itself (error empty), or not.
    void ended(int exitStatus, const sshcore::Error &error);

private:
    void setState(State state, const QString &text, bool problem = false);
    void onFinished(int exitStatus, const QString &exitSignal, const sshcore::Error &error);
    void connectionChanged();

    QPointer<sshcore::SshConnection> m_connection;
    TerminalLaunch m_launch;
    QPointer<sshcore::SshPty> m_pty;
    TerminalScreen *m_screen;
    QLabel *m_where;
    QLabel *m_status;
    QLabel *m_note;
    QPushButton *m_reopen;
    State m_state = State::Waiting;
    int m_starts = 0;
    bool m_wantStart = false;
};

} // namespace ui
