// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/profiles/Profile.h"
#include "app/schedulers/Scheduler.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QMessageBox;
class QLabel;
class QModelIndex;
class QPlainTextEdit;
class QTabWidget;
class QToolButton;
class QTreeView;
class QTreeWidget;

namespace app {
class ClusterConnection;
class JobListModel;
class JobMonitor;
class JobNotices;
class Notifier;
class JobSortModel;
class OutputFollower;
class SchedulerClient;
struct Job;
} // namespace app

namespace ui {

class JobHistoryView;
class JobScriptEditor;

// The Jobs area: the queue of the user's jobs (refreshed every few seconds without disturbing the
// view), the selected job's details and its output followed live, cancel/hold/release, the history
// of finished jobs with how much of what they asked for they used, and the job-script editor.
class JobsArea : public QWidget
{
    Q_OBJECT

public:
    enum Page { QueuePage, HistoryPage, ScriptPage };

    explicit JobsArea(QWidget *parent = nullptr);
    ~JobsArea() override;

    void setConnection(app::ClusterConnection *connection);
    void showPage(Page page);

    JobScriptEditor *editor() const { return m_editor; }
    QTreeView *jobView() const { return m_jobs; }
    app::JobListModel *model() const { return m_model; }
    app::JobMonitor *monitor() const { return m_monitor; }
    // Tells the desktop when the listed jobs start and end.
    app::JobNotices *notices() const { return m_notices; }
    void setNotifier(app::Notifier *notifier);
    // What of the listed jobs keeps running on the cluster without clusterdesk (queued, held or
    // running), as a line for quit's question; empty when nothing does.
    QStringList keepsRunning() const;
    JobHistoryView *history() const { return m_history; }
    QPlainTextEdit *output() const { return m_output; }
    // The selected job's id; empty when none.
    QString selectedJob() const;
    void selectJob(const QString &id);

Q_SIGNALS:
    void message(const QString &text); // for the status bar
    // Monitor was asked for the selected job.
    void monitorRequested(const QString &jobId);
    // A terminal on a running job's node (nodeList: the scheduler's list of its nodes).
    void terminalRequested(const QString &jobId, const QString &nodeList);

private:
    QWidget *makeQueuePage();
    // The connection's scheduler client while it has a back end; null otherwise.
    app::SchedulerClient *client() const;
    void onSchedulerReady();
    void onSelectionChanged();
    // Stops following the output shown and empties it, saying placeholder instead.
    void stopFollowing(const QString &placeholder);
    void showDetails(const app::Job &job);
    void follow(const app::Job &job);
    void control(int action);
    void applyControl(app::JobControl what, const QStringList &ids);
    void showProblem(const QString &title, const QString &text);
    void updateActions();

    QPointer<app::ClusterConnection> m_connection;
    QPointer<app::SchedulerClient> m_client;               // the connection's, which the monitor uses
    std::optional<app::Profile::Scheduler> m_resourcesFor; // the back end the pickers were filled for
    QPointer<QMessageBox> m_confirmation;
    app::JobListModel *m_model;
    app::JobMonitor *m_monitor = nullptr;
    app::JobNotices *m_notices;
    app::JobSortModel *m_sorted;
    QTabWidget *m_pages;
    QTreeView *m_jobs;
    QLabel *m_queueStatus;
    QCheckBox *m_allUsers;
    QToolButton *m_cancel;
    QToolButton *m_hold;
    QToolButton *m_release;
    QToolButton *m_monitorButton;
    QToolButton *m_terminalButton = nullptr;
    QTabWidget *m_jobTabs;
    QTreeWidget *m_details;
    QPlainTextEdit *m_output;
    QPlainTextEdit *m_errors;
    QLabel *m_outputPath;
    app::OutputFollower *m_outputFollower = nullptr;
    app::OutputFollower *m_errorFollower = nullptr;
    JobHistoryView *m_history;
    JobScriptEditor *m_editor;
    QString m_detailsFor;
    int m_detailsState = -1; // the state the details were read in
    QString m_selectWhenListed;
    quint64 m_detailsRequest = 0;
};

} // namespace ui
