// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/monitor/MonitorSamples.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QPushButton;
class QLabel;
class QTabWidget;

namespace app {
class ClusterConnection;
struct Job;
struct JobAccounting;
class MonitorSampler;
class Notifier;
} // namespace app

namespace ui {

class ClusterUseView;
class JobUseView;
class MyJobsView;

// The Monitor area: a job's use live and afterwards (cores busy, memory, GPUs, in plain words),
// my jobs over time (efficiency, waiting), and the cluster (partitions' use now and over time, the
// queue). Everything comes from the connection's MonitorSampler (one command per refresh).
class MonitorArea : public QWidget
{
    Q_OBJECT

public:
    enum Page { JobPage, MyJobsPage, ClusterPage };

    explicit MonitorArea(QWidget *parent = nullptr);
    ~MonitorArea() override;

    void setConnection(app::ClusterConnection *connection);
    // Where watched jobs' start and end notices go.
    void setNotifier(app::Notifier *notifier);
    // Shows a job (the Jobs area's Monitor action): it is watched while shown.
    void showJob(const QString &jobId);
    QString shownJob() const { return m_jobId; }
    void showPage(Page page);

    JobUseView *jobView() const { return m_jobView; }
    MyJobsView *myJobsView() const { return m_myJobs; }
    ClusterUseView *clusterView() const { return m_cluster; }
    QComboBox *jobPicker() const { return m_picker; }

Q_SIGNALS:
    void message(const QString &text);
    // A terminal on a running job's node (nodeList: the scheduler's list of its nodes).
    void terminalRequested(const QString &jobId, const QString &nodeList);

protected:
    // The sampler keeps its quick pace while the area is on screen (MonitorSampler::setViewed).
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    app::MonitorSampler *sampler() const;
    void refreshed();
    void fillPicker();
    // The job, if the sampler lists it as one of the person's running jobs.
    const app::Job *runningJob(const QString &jobId) const;
    void pickerChosen();
    void showShownJob();
    void stateChanged(const QString &jobId, int previous, int now);
    void askAccounting(const QString &jobId);

    QPointer<app::ClusterConnection> m_connection;
    QPointer<app::Notifier> m_notifier;
    QComboBox *m_picker;
    QPushButton *m_terminal;
    QLabel *m_lastSample;
    QTabWidget *m_pages;
    JobUseView *m_jobView;
    MyJobsView *m_myJobs;
    ClusterUseView *m_cluster;
    QString m_jobId;
    bool m_viewing = false;                          // told the sampler it is viewed
    QHash<QString, app::JobAccounting> m_accounting; // finished shown jobs' totals
    QList<app::KnownJob> m_known;                    // jobs the store has samples of
};

} // namespace ui
