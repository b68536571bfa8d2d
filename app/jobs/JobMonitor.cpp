// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobs/JobMonitor.h"

#include "app/ReleaseAside.h"
#include "app/jobs/JobListFill.h"
#include "app/jobs/JobListModel.h"
#include "app/schedulers/SchedulerClient.h"

#include <QSet>

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
    , m_poller([this] { askQueue(); })
{}

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
        m_poller.finished();
        updateBusy();
        return;
    }
    updateBusy();
    m_client->queue(m_allUsers, this, [this, listing = m_listing](sshcore::Result<QList<Job>> jobs) {
        if (listing == m_listing && m_model && jobs && m_model->rowCount() == 0
            && jobs->size() >= JobListFill::AsideFrom) {
            // A big first listing: its rows are made on a worker thread, then swapped in.
            JobListFill::prepare(std::move(*jobs)).then(this, [this, listing](QFuture<JobListFill> made) {
                listed(listing, made.takeResult());
            });
            return;
        }
        if (jobs)
            listed(listing, std::move(*jobs));
        else
            listed(listing, jobs.error());
    });
}

void JobMonitor::listed(quint64 listing, std::variant<QList<Job>, JobListFill, sshcore::Error> answer)
{
    if (listing != m_listing) {
        m_poller.trigger(); // asked before allUsers changed: ask again
    } else if (m_model) {
        if (const auto *error = std::get_if<sshcore::Error>(&answer)) {
            m_model->markUnknown(error->message);
            Q_EMIT failed(error->message);
        } else {
            if (auto *fill = std::get_if<JobListFill>(&answer))
                m_model->adopt(std::move(*fill));
            else {
                m_model->setJobs(std::get<QList<Job>>(answer));
                releaseAside(std::move(std::get<QList<Job>>(answer)));
            }
            Q_EMIT refreshed(QDateTime::currentDateTime());
            askHistory();
        }
    }
    m_poller.finished();
    updateBusy();
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
    m_historyInFlight = true;
    updateBusy();
    m_client->history({}, ids, this, [this, asked](sshcore::Result<QList<JobAccounting>> records) {
        m_historyInFlight = false;
        if (m_model) {
            if (records)
                m_model->setFinished(*records);
            historyAnswered(asked, records ? QString() : records.error().message);
        }
        updateBusy();
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

void JobMonitor::updateBusy()
{
    if (isBusy() == m_wasBusy)
        return;
    m_wasBusy = isBusy();
    Q_EMIT busyChanged(m_wasBusy);
}

} // namespace app
