// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/AllocationProgress.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>
#include <optional>

namespace app {

class Notifier;
class SchedulerClient;
struct Job;

// The life of one interactive allocation whose command (Scheduler::interactiveCommand) runs in a
// terminal tab: what the terminal shows is fed in (feed) until the shell on the node starts, and
// the scheduler is asked, through the cluster's SchedulerClient, for the expected start while it
// waits and the time left while it runs. end() cancels it with the scheduler and checks that it is
// gone (the tab closed, the app quits, the link is lost for good). Notices: started, 15 and 5
// minutes left, ended. Knows nothing of the PTY: bytes in, commands out.
class InteractiveAllocation : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Submitting, // the command runs; the scheduler has said nothing yet
        Queued,     // waiting for resources (jobId known; expectedStart when the scheduler says)
        Running,    // the shell on node runs until endTime
        Ending,     // end() asked the scheduler to cancel it
        Ended,      // gone, checked with the scheduler where it could be
        Refused,    // never queued: message() says why
    };
    Q_ENUM(State)

    InteractiveAllocation(SchedulerClient *client, QString cluster, Notifier *notifier = nullptr,
                          QObject *parent = nullptr);

    // What the terminal showed, in pieces as they come. Only the part before the shell starts is
    // read (and kept: at most 256 KiB of it).
    void feed(QByteArrayView bytes);
    // The terminal's program ended (the person left the shell, or the command gave up): the
    // allocation is ended too, and cancelled if the scheduler still lists it.
    void programFinished();
    // Cancels the allocation and checks with the scheduler that it is gone; Ended follows (or
    // endFailed). Before the scheduler gave an id there is nothing to cancel: the request is
    // withdrawn when its terminal closes (salloc, qsub -I, bsub -Is and qrsh end on the hangup).
    void end();

    State state() const { return m_state; }
    QString jobId() const { return m_progress.jobId; }
    QString node() const { return m_progress.node; }
    QString message() const { return m_message; }
    QDateTime expectedStart() const { return m_expectedStart; } // invalid: unknown
    QDateTime endTime() const { return m_endTime; }             // invalid: unknown
    std::optional<qint64> secondsLeft(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    // How often the scheduler is asked while the allocation waits or runs (30 s).
    void setPollInterval(std::chrono::milliseconds interval);
    // When to warn, as time left (15 and 5 minutes); see JupyterNotices.
    void setWarnings(const QList<std::chrono::seconds> &warnings) { m_warnings = warnings; }
    // The subject of its notices: "terminal:<job id>".
    QString subject() const;

Q_SIGNALS:
    void stateChanged(app::InteractiveAllocation::State state);
    // The expected start, the end time or the node changed.
    void detailsChanged();
    // end() could not make sure the allocation is gone: message says what the scheduler said.
    void endFailed(const QString &message);

private:
    void setState(State state, const QString &message = {});
    void poll();
    void updateFrom(const Job &job);
    void confirmGone(int triesLeft);
    void checkTimeLeft();
    void notify(int kind, const QString &title, const QString &text);

    QPointer<SchedulerClient> m_client;
    QString m_cluster;
    QPointer<Notifier> m_notifier;
    State m_state = State::Submitting;
    QByteArray m_output;
    AllocationProgress m_progress;
    QString m_message;
    QDateTime m_expectedStart;
    QDateTime m_endTime;
    QTimer m_poll;
    QTimer m_clock;
    QList<std::chrono::seconds> m_warnings{std::chrono::minutes(15), std::chrono::minutes(5)};
    qint64 m_firstSeenLeft = -1;
    qint64 m_lastWarning = -1;
};

} // namespace app
