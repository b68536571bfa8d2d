// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobs/JobListFill.h"
#include "app/jobs/Poller.h"
#include "app/schedulers/Job.h"
#include "sshcore/Result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <variant>

namespace app {

class JobListModel;
class SchedulerClient;

// Keeps a JobListModel up to date: asks for the queue every interval (never two listings at once;
// a refresh asked for during one follows right after it), and asks accounting how the jobs that
// left the queue ended. Accounting lags behind the queue by a few seconds, so a job it does not
// know yet is asked about again on later refreshes, a few times, before its row says its outcome is
// unknown. Everything is asynchronous; answers for a destroyed monitor are dropped by the client.
class JobMonitor : public QObject
{
    Q_OBJECT

public:
    JobMonitor(SchedulerClient *client, JobListModel *model, QObject *parent = nullptr);

    void setInterval(std::chrono::milliseconds interval) { m_poller.setInterval(interval); }
    std::chrono::milliseconds interval() const { return m_poller.interval(); }
    // Lists now and then every interval (counted from the last answer), until stop().
    void start() { m_poller.start(); }
    void stop() { m_poller.stop(); }
    bool isActive() const { return m_poller.isActive(); }
    // A listing now (or right after the one under way).
    void refresh() { m_poller.trigger(); }
    // Everyone's jobs or only the user's. Changing it empties the list (the jobs of others are not
    // jobs that left the queue) and lists again at once.
    void setAllUsers(bool allUsers);
    bool allUsers() const { return m_allUsers; }
    bool isBusy() const { return m_poller.isBusy() || m_historyInFlight; }

    // How many times accounting is asked about a job before its outcome is left unknown.
    static constexpr int MaxHistoryAttempts = 5;

Q_SIGNALS:
    void refreshed(const QDateTime &when);
    void failed(const QString &message);
    void busyChanged(bool busy);

private:
    void askQueue();
    // A queue listing's answer (jobs, or a first fill made aside, or why there is none) applied.
    void listed(quint64 listing, std::variant<QList<Job>, JobListFill, sshcore::Error> answer);
    void askHistory();
    void historyAnswered(const QStringList &asked, const QString &error);
    void updateBusy();

    QPointer<SchedulerClient> m_client;
    QPointer<JobListModel> m_model;
    Poller m_poller;
    bool m_allUsers = false;
    bool m_historyInFlight = false;
    bool m_wasBusy = false;
    quint64 m_listing = 0;                 // which setting a listing answers: changed by setAllUsers
    QHash<QString, int> m_historyAttempts; // vanished id → times asked
};

} // namespace app
