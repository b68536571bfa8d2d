// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/terminal/InteractiveAllocation.h"

#include "app/notify/Notice.h"
#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/SchedulerClient.h"
#include "app/terminal/TerminalTarget.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::InteractiveAllocation)
};
constexpr qsizetype maxKept = 256 * 1024;
constexpr int confirmTries = 90; // a second apart: Slurm waits up to KillWait (30 s) for a step to end

} // namespace

InteractiveAllocation::InteractiveAllocation(SchedulerClient *client, QString cluster, Notifier *notifier,
                                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_cluster(std::move(cluster))
    , m_notifier(notifier)
{
    m_poll.setInterval(30s);
    connect(&m_poll, &QTimer::timeout, this, &InteractiveAllocation::poll);
    m_clock.setInterval(10s);
    connect(&m_clock, &QTimer::timeout, this, &InteractiveAllocation::checkTimeLeft);
}

void InteractiveAllocation::setPollInterval(std::chrono::milliseconds interval)
{
    m_poll.setInterval(interval);
}

QString InteractiveAllocation::subject() const
{
    return u"terminal:"_s + m_progress.jobId;
}

std::optional<qint64> InteractiveAllocation::secondsLeft(const QDateTime &now) const
{
    if (m_state != State::Running || !m_endTime.isValid())
        return std::nullopt;
    return std::max<qint64>(0, now.secsTo(m_endTime));
}

void InteractiveAllocation::feed(QByteArrayView bytes)
{
    if (m_state != State::Submitting && m_state != State::Queued)
        return;
    if (m_output.size() >= maxKept)
        return; // nothing a scheduler prints before the shell is that long
    m_output.append(bytes.first(std::min(bytes.size(), maxKept - m_output.size())));
    const AllocationProgress progress = m_client && m_client->scheduler()
                                            ? m_client->scheduler()->parseAllocation(m_output)
                                            : AllocationProgress{};
    if (progress == m_progress)
        return;
    const bool nodeChanged = progress.node != m_progress.node;
    m_progress = progress;
    switch (progress.phase) {
    case AllocationProgress::Phase::Submitting: break;
    case AllocationProgress::Phase::Queued:
        if (m_state != State::Queued) {
            setState(State::Queued);
            poll();
        }
        break;
    case AllocationProgress::Phase::Started:
        m_output.clear(); // the shell's from here on
        setState(State::Running);
        notify(int(NoticeKind::AllocationStarted), Tr::tr("Terminal allocation started"),
               m_progress.node.isEmpty() ? Tr::tr("Job %1 is running.").arg(m_progress.jobId)
                                         : Tr::tr("Job %1 is running on %2.").arg(m_progress.jobId, m_progress.node));
        poll();
        break;
    case AllocationProgress::Phase::Refused:
        setState(State::Refused, progress.message);
        notify(int(NoticeKind::AllocationEnded), Tr::tr("Terminal allocation refused"), progress.message);
        break;
    case AllocationProgress::Phase::Ended:
        setState(State::Ended, progress.message);
        notify(int(NoticeKind::AllocationEnded), Tr::tr("Terminal allocation ended"), progress.message);
        break;
    }
    if (nodeChanged)
        Q_EMIT detailsChanged();
}

void InteractiveAllocation::programFinished()
{
    if (m_state == State::Ended || m_state == State::Refused || m_state == State::Ending)
        return;
    // Normally salloc & co. gave the allocation back on their way out; make sure of it.
    end();
}

void InteractiveAllocation::end()
{
    if (m_state == State::Ended || m_state == State::Refused || m_state == State::Ending)
        return;
    m_poll.stop();
    m_clock.stop();
    if (m_progress.jobId.isEmpty()) {
        setState(State::Ended, Tr::tr("The request was withdrawn before the scheduler took it."));
        return;
    }
    setState(State::Ending);
    if (!m_client) {
        setState(State::Ended, Tr::tr("Not connected: the allocation could not be cancelled."));
        Q_EMIT endFailed(m_message);
        return;
    }
    // A refusal ("already finished") is fine too: what counts is that the queue no longer has it.
    m_client->control(JobControl::Cancel, m_progress.jobId, this,
                      [this](sshcore::Result<void>) { confirmGone(confirmTries); });
}

void InteractiveAllocation::confirmGone(int triesLeft)
{
    if (!m_client) {
        setState(State::Ended, Tr::tr("Not connected: the allocation could not be checked."));
        Q_EMIT endFailed(m_message);
        return;
    }
    m_client->queue(false, this, [this, triesLeft](sshcore::Result<QList<Job>> jobs) {
        bool listed = !jobs.has_value();
        if (jobs) {
            for (const Job &job : *jobs) {
                if (job.id == m_progress.jobId && !isFinished(job.state))
                    listed = true;
            }
        }
        if (!listed) {
            setState(State::Ended, Tr::tr("The allocation was ended."));
            notify(int(NoticeKind::AllocationEnded), Tr::tr("Terminal allocation ended"),
                   Tr::tr("Job %1 was ended.").arg(m_progress.jobId));
        } else if (triesLeft > 0) {
            QTimer::singleShot(1s, this, [this, triesLeft] { confirmGone(triesLeft - 1); });
        } else {
            const QString why = jobs ? Tr::tr("The scheduler still lists job %1.").arg(m_progress.jobId)
                                     : jobs.error().message;
            setState(State::Ended, why);
            Q_EMIT endFailed(why);
        }
    });
}

void InteractiveAllocation::poll()
{
    if (!m_client || m_progress.jobId.isEmpty() || (m_state != State::Queued && m_state != State::Running))
        return;
    if (!m_poll.isActive())
        m_poll.start();
    if (m_state == State::Running && !m_clock.isActive())
        m_clock.start();
    m_client->queue(false, this, [this](sshcore::Result<QList<Job>> jobs) {
        if (!jobs || (m_state != State::Queued && m_state != State::Running))
            return; // unknown is not ended: ask again at the next tick
        for (const Job &job : *jobs) {
            if (job.id == m_progress.jobId) {
                updateFrom(job);
                return;
            }
        }
        m_poll.stop();
        m_clock.stop();
        setState(State::Ended, Tr::tr("The scheduler no longer lists job %1.").arg(m_progress.jobId));
        notify(int(NoticeKind::AllocationEnded), Tr::tr("Terminal allocation ended"), m_message);
    });
}

void InteractiveAllocation::updateFrom(const Job &job)
{
    if (isFinished(job.state)) {
        m_poll.stop();
        m_clock.stop();
        setState(State::Ended, Tr::tr("Job %1 ended: %2.").arg(job.id, jobStateName(job.state)));
        notify(int(NoticeKind::AllocationEnded), Tr::tr("Terminal allocation ended"), m_message);
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime expected = job.state == JobState::Pending ? job.startTime : m_expectedStart;
    QDateTime end = m_endTime;
    if (job.state == JobState::Running) {
        if (job.timeLeftSeconds)
            end = now.addSecs(*job.timeLeftSeconds);
        else if (job.startTime.isValid() && job.timeLimitSeconds)
            end = job.startTime.addSecs(*job.timeLimitSeconds);
    }
    QString node = m_progress.node;
    if (node.isEmpty() && !job.nodeList.isEmpty())
        node = TerminalTarget::firstHost(job.nodeList);
    // A few seconds' drift between two polls is no change worth telling.
    const bool endMoved = end.isValid() != m_endTime.isValid() || std::abs(end.secsTo(m_endTime)) > 30;
    if (expected == m_expectedStart && !endMoved && node == m_progress.node)
        return;
    m_expectedStart = expected;
    if (endMoved)
        m_endTime = end;
    m_progress.node = node;
    Q_EMIT detailsChanged();
    checkTimeLeft();
}

void InteractiveAllocation::checkTimeLeft()
{
    const auto left = secondsLeft();
    if (!left)
        return;
    if (m_firstSeenLeft < 0)
        m_firstSeenLeft = *left;
    for (const std::chrono::seconds warning : m_warnings) {
        const qint64 at = warning.count();
        // Warn when the time left crosses a mark while it runs, not for one it started below.
        if (*left <= at && m_firstSeenLeft > at && (m_lastWarning < 0 || at < m_lastWarning)) {
            m_lastWarning = at;
            notify(int(NoticeKind::AllocationTimeLeft), Tr::tr("Terminal allocation ends soon"),
                   Tr::tr("Job %1 has %2 left; its shell ends then.")
                       .arg(m_progress.jobId, units::describeDuration(*left)));
        }
    }
}

void InteractiveAllocation::setState(State state, const QString &message)
{
    if (!message.isEmpty())
        m_message = message;
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void InteractiveAllocation::notify(int kind, const QString &title, const QString &text)
{
    if (!m_notifier || m_progress.jobId.isEmpty())
        return;
    Notice notice;
    notice.kind = NoticeKind(kind);
    notice.cluster = m_cluster;
    notice.subject = subject();
    notice.title = title;
    notice.text = text;
    m_notifier->show(notice);
}

} // namespace app
