#include "app/jobs/JobMonitor.h"

#include "app/jobs/JobListModel.h"
#include "app/schedulers/SchedulerClient.h"

#include <QSet>

using namespace std::chrono_literals;

namespace app {

namespace {

// sacct gets the ids on its command line: a few hundred at a time keeps it short; the rest are
// asked about on the next refresh.
constexpr qsizetype MaxIdsPerHistoryQuery = 500;

} // namespace

JobMonitor::JobMonitor(SchedulerClient *client, JobListModel *model, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &JobMonitor::refresh);
}

void JobMonitor::setInterval(std::chrono::milliseconds interval)
{
    m_interval = std::max(interval, std::chrono::milliseconds(100ms));
    if (m_timer.isActive())
        m_timer.start(m_interval);
}

void JobMonitor::start()
{
    m_active = true;
    refresh();
}

void JobMonitor::stop()
{
    m_active = false;
    m_refreshAgain = false;
    m_timer.stop();
}

void JobMonitor::refresh()
{
    if (m_queueInFlight) {
        m_refreshAgain = true;
        return;
    }
    m_timer.stop();
    askQueue();
}

void JobMonitor::setAllUsers(bool allUsers)
{
    if (allUsers == m_allUsers)
        return;
    m_allUsers = allUsers;
    ++m_listing; // a listing under way answers the old question
    m_historyAttempts.clear();
    if (m_model)
        m_model->clear();
    refresh();
}

void JobMonitor::askQueue()
{
    if (!m_client || !m_model) {
        setBusy(false, m_historyInFlight);
        return;
    }
    setBusy(true, m_historyInFlight);
    m_client->queue(m_allUsers, this, [this, listing = m_listing](sshcore::Result<QList<Job>> jobs) {
        if (listing != m_listing) {
            m_refreshAgain = true;
        } else if (m_model && jobs) {
            m_model->setJobs(*jobs);
            Q_EMIT refreshed(QDateTime::currentDateTime());
            askHistory();
        } else if (m_model) {
            m_model->markUnknown(jobs.error());
            Q_EMIT failed(jobs.error());
        }
        if (m_refreshAgain) {
            m_refreshAgain = false;
            askQueue(); // busy throughout
        } else {
            setBusy(false, m_historyInFlight);
            scheduleNext();
        }
    });
}

void JobMonitor::scheduleNext()
{
    // From the end of a listing, so a slow cluster is not asked back to back.
    if (m_active)
        m_timer.start(m_interval);
}

void JobMonitor::askHistory()
{
    if (m_historyInFlight || !m_client || !m_model)
        return;
    const QStringList vanished = m_model->vanishedJobs();
    const QSet<QString> stillVanished(vanished.cbegin(), vanished.cend());
    m_historyAttempts.removeIf([&](const auto &attempt) { return !stillVanished.contains(attempt.key()); });
    if (vanished.isEmpty())
        return;
    const QStringList asked = vanished.first(std::min(vanished.size(), MaxIdsPerHistoryQuery));
    // A range of an array's tasks ("12_[3-9]") is asked for as its array.
    QStringList ids;
    for (const QString &id : asked) {
        const Job *job = m_model->job(id);
        const QString &askFor = job && job->arrayTaskId.startsWith(u'[') ? job->arrayJobId : id;
        if (!ids.contains(askFor))
            ids.append(askFor);
    }
    setBusy(m_queueInFlight, true);
    m_client->history({}, ids, this, [this, asked](sshcore::Result<QList<JobAccounting>> records) {
        if (m_model) {
            if (records)
                m_model->setFinished(*records);
            historyAnswered(asked, records ? QString() : records.error());
        }
        setBusy(m_queueInFlight, false);
    });
}

void JobMonitor::historyAnswered(const QStringList &asked, const QString &error)
{
    const QStringList vanished = m_model->vanishedJobs();
    const QSet<QString> stillVanished(vanished.cbegin(), vanished.cend());
    QStringList givenUp;
    for (const QString &id : asked) {
        if (!stillVanished.contains(id)) {
            m_historyAttempts.remove(id);
        } else if (++m_historyAttempts[id] >= MaxHistoryAttempts) {
            m_historyAttempts.remove(id);
            givenUp.append(id);
        }
    }
    if (!givenUp.isEmpty()) {
        m_model->setOutcomeUnknown(givenUp, error.isEmpty() ? tr("accounting has no record of how it ended.")
                                                            : tr("accounting could not be asked (%1).").arg(error));
    }
}

void JobMonitor::setBusy(bool queue, bool history)
{
    const bool wasBusy = isBusy();
    m_queueInFlight = queue;
    m_historyInFlight = history;
    if (isBusy() != wasBusy)
        Q_EMIT busyChanged(isBusy());
}

} // namespace app
