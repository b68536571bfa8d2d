// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/jobs/JobsArea.h"

#include "app/connections/ClusterConnection.h"
#include "app/jobs/JobListModel.h"
#include "app/jobs/JobMonitor.h"
#include "app/jobs/JobNotices.h"
#include "app/jobs/JobSortModel.h"
#include "app/jobs/OutputFollower.h"
#include "app/jobs/OutputPatterns.h"
#include "app/schedulers/SchedulerClient.h"
#include "sshcore/SshConnection.h"
#include "sshcore/SshConnectionState.h"
#include "ui/jobs/JobHistoryView.h"
#include "ui/jobs/JobScriptEditor.h"
#include "ui/jobs/JobStateColour.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTime>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

using app::JobListModel;
using app::JobSortModel;
using app::JobState;

namespace ui {

namespace {

// The State column in its colour; finished jobs' rows faded.
class JobRowDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto state = JobState(index.data(JobListModel::StateRole).toInt());
        if (index.column() == JobListModel::StateColumn) {
            option->palette.setColor(QPalette::Text, jobStateColour(state, option->palette));
            option->font.setWeight(QFont::DemiBold);
        } else if (index.data(JobListModel::FinishedRole).toBool()) {
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        }
    }
};

QPlainTextEdit *makeOutputView(QWidget *parent, const QString &name)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(name);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setMaximumBlockCount(20000);
    return view;
}

// Appends output, following the end only when the user was at the end.
void appendOutput(QPlainTextEdit *view, const QByteArray &bytes)
{
    QScrollBar *bar = view->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    QTextCursor cursor(view->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(QString::fromUtf8(bytes));
    if (atEnd)
        bar->setValue(bar->maximum());
}

} // namespace

JobsArea::JobsArea(QWidget *parent)
    : QWidget(parent)
    , m_model(new JobListModel(this))
    , m_notices(new app::JobNotices(m_model, this))
    , m_sorted(new JobSortModel(this))
    , m_pages(new QTabWidget(this))
    , m_history(new JobHistoryView(this))
    , m_editor(new JobScriptEditor(this))
{
    setObjectName(QStringLiteral("JobsArea"));
    m_sorted->setSourceModel(m_model);
    m_pages->setObjectName(QStringLiteral("jobPages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(makeQueuePage(), tr("Queue"));
    m_pages->addTab(m_history, tr("History"));
    m_pages->addTab(m_editor, tr("Job script"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int page) {
        if (page == HistoryPage && m_history->list()->topLevelItemCount() == 0)
            m_history->refresh();
    });
    connect(m_editor, &JobScriptEditor::submitted, this, [this](const QString &jobId) {
        m_selectWhenListed = jobId;
        showPage(QueuePage);
        if (m_monitor)
            m_monitor->refresh();
        Q_EMIT message(tr("Job %1 submitted.").arg(jobId));
    });
    updateActions();
}

JobsArea::~JobsArea() = default;

QWidget *JobsArea::makeQueuePage()
{
    auto *page = new QWidget(this);
    const auto button = [page](const QString &text, const QString &icon, const QString &tip) {
        auto *tool = new QToolButton(page);
        tool->setText(text);
        tool->setIcon(QIcon::fromTheme(icon));
        tool->setToolTip(tip);
        tool->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        return tool;
    };
    auto *refresh = button(tr("Refresh"), QStringLiteral("view-refresh"),
                           tr("Ask the scheduler now (it is asked every few seconds)"));
    m_cancel = button(tr("Cancel…"), QStringLiteral("process-stop"), tr("Cancel the selected jobs"));
    m_hold = button(tr("Hold…"), QStringLiteral("media-playback-pause"),
                    tr("Keep the selected pending jobs from starting"));
    m_release = button(tr("Release"), QStringLiteral("media-playback-start"), tr("Let held jobs start again"));
    m_monitorButton = button(tr("Monitor"), QStringLiteral("utilities-system-monitor"),
                             tr("Chart the selected job's use of CPUs, memory and GPUs in the Monitor area"));
    m_monitorButton->setObjectName(QStringLiteral("monitorJob"));
    m_terminalButton = button(tr("Terminal"), QStringLiteral("utilities-terminal"),
                              tr("A shell on the selected running job's node, inside its allocation"));
    m_terminalButton->setObjectName(QStringLiteral("jobTerminal"));
    auto *clear = button(tr("Clear finished"), QStringLiteral("edit-clear-history"),
                         tr("Remove the jobs that ended from the list"));
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_hold->setObjectName(QStringLiteral("holdJob"));
    m_release->setObjectName(QStringLiteral("releaseJob"));
    m_allUsers = new QCheckBox(tr("Everyone's jobs"), page);
    m_allUsers->setObjectName(QStringLiteral("allUsers"));
    m_queueStatus = new QLabel(page);
    m_queueStatus->setObjectName(QStringLiteral("queueStatus"));
    m_queueStatus->setForegroundRole(QPalette::PlaceholderText);
    // A tool bar: what does not fit in a narrow window goes into its overflow menu.
    auto *bar = new QToolBar(page);
    bar->setObjectName(QStringLiteral("queueBar"));
    bar->setIconSize(QSize(16, 16));
    for (QWidget *widget : std::initializer_list<QWidget *>{refresh, m_monitorButton, m_terminalButton, m_cancel,
                                                            m_hold, m_release, clear, m_allUsers})
        bar->addWidget(widget);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_queueStatus);

    m_jobs = new QTreeView(page);
    m_jobs->setObjectName(QStringLiteral("jobList"));
    m_jobs->setModel(m_sorted);
    m_jobs->setRootIsDecorated(false);
    m_jobs->setUniformRowHeights(true); // tens of thousands of rows
    m_jobs->setAlternatingRowColors(true);
    m_jobs->setSortingEnabled(true);
    m_jobs->sortByColumn(JobListModel::IdColumn, Qt::DescendingOrder);
    m_jobs->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_jobs->setItemDelegate(new JobRowDelegate(m_jobs));
    m_jobs->header()->setStretchLastSection(false);
    m_jobs->header()->setSectionResizeMode(JobListModel::WhereColumn, QHeaderView::Stretch);
    m_jobs->setColumnWidth(JobListModel::IdColumn, 110);
    m_jobs->setColumnWidth(JobListModel::NameColumn, 160);
    for (int column : {JobListModel::PartitionColumn, JobListModel::StateColumn})
        m_jobs->setColumnWidth(column, 100);
    for (int column : {JobListModel::ElapsedColumn, JobListModel::TimeLeftColumn})
        m_jobs->setColumnWidth(column, 90);
    const int dateWidth = fontMetrics().horizontalAdvance(
                              QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 59)), QLocale::ShortFormat))
                          + 24;
    for (int column : {JobListModel::StartColumn, JobListModel::SubmittedColumn})
        m_jobs->setColumnWidth(column, dateWidth);
    for (int column : {JobListModel::NodesColumn, JobListModel::CpusColumn, JobListModel::GpusColumn})
        m_jobs->setColumnWidth(column, 55);

    m_details = new QTreeWidget(page);
    m_details->setObjectName(QStringLiteral("jobDetails"));
    m_details->setHeaderLabels({tr("Field"), tr("Value")});
    m_details->setRootIsDecorated(false);
    m_details->setColumnWidth(0, 200);
    m_output = makeOutputView(page, QStringLiteral("jobOutput"));
    m_errors = makeOutputView(page, QStringLiteral("jobErrors"));
    m_output->setPlaceholderText(tr("Select a job to see its output as it is written."));
    m_outputPath = new QLabel(page);
    m_outputPath->setObjectName(QStringLiteral("outputPath"));
    m_outputPath->setForegroundRole(QPalette::PlaceholderText);
    m_outputPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outputPath->setWordWrap(true);
    m_outputPath->setContentsMargins(8, 0, 8, 0);
    auto *outputPage = new QWidget(page);
    auto *outputLayout = new QVBoxLayout(outputPage);
    outputLayout->setContentsMargins(0, 4, 0, 0);
    outputLayout->addWidget(m_outputPath);
    outputLayout->addWidget(m_output, 1);
    m_jobTabs = new QTabWidget(page);
    m_jobTabs->setObjectName(QStringLiteral("jobTabs"));
    m_jobTabs->setDocumentMode(true);
    m_jobTabs->addTab(outputPage, tr("Output"));
    m_jobTabs->addTab(m_errors, tr("Errors"));
    m_jobTabs->addTab(m_details, tr("Details"));

    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->addWidget(m_jobs);
    splitter->addWidget(m_jobTabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(bar);
    layout->addWidget(splitter, 1);

    connect(refresh, &QToolButton::clicked, this, [this] {
        if (m_monitor)
            m_monitor->refresh();
    });
    connect(m_cancel, &QToolButton::clicked, this, [this] { control(int(app::JobControl::Cancel)); });
    connect(m_hold, &QToolButton::clicked, this, [this] { control(int(app::JobControl::Hold)); });
    connect(m_monitorButton, &QToolButton::clicked, this, [this] {
        if (!selectedJob().isEmpty())
            Q_EMIT monitorRequested(selectedJob());
    });
    connect(m_terminalButton, &QToolButton::clicked, this, [this] {
        if (const app::Job *job = m_model->job(selectedJob()))
            Q_EMIT terminalRequested(job->id, job->nodeList);
    });
    connect(m_release, &QToolButton::clicked, this, [this] { control(int(app::JobControl::Release)); });
    connect(clear, &QToolButton::clicked, m_model, &JobListModel::removeFinished);
    connect(m_allUsers, &QCheckBox::toggled, this, [this](bool all) {
        if (m_monitor)
            m_monitor->setAllUsers(all);
    });
    connect(m_jobs->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsArea::onSelectionChanged);
    // The selected job's details are read again when its state changes (it started, it ended), not
    // each time its elapsed time moves on.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &first, const QModelIndex &last) {
        updateActions();
        const QModelIndex selected = m_model->indexOf(m_detailsFor);
        if (selected.isValid() && selected.row() >= first.row() && selected.row() <= last.row()
            && selected.data(JobListModel::StateRole).toInt() != m_detailsState)
            onSelectionChanged();
    });
    return page;
}

void JobsArea::setConnection(app::ClusterConnection *connection)
{
    if (connection == m_connection)
        return;
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_connection = connection;
    m_notices->setCluster(connection ? connection->profile().name : QString());
    m_notices->setUser(connection ? connection->ssh()->settings().user : QString());
    delete m_monitor;
    m_monitor = nullptr;
    m_client = connection ? connection->schedulerClient() : nullptr;
    m_model->clear();
    m_history->setClient(nullptr);
    m_details->clear();
    m_detailsFor.clear();
    stopFollowing(tr("Select a job to see its output as it is written."));
    m_editor->setConnection(connection);
    if (m_client) {
        // One monitor per connection: its client lives as long as the connection. It lists while the
        // client has a back end, and pauses while it has none.
        m_monitor = new app::JobMonitor(m_client, m_model, this);
        m_monitor->setAllUsers(m_allUsers->isChecked());
        connect(m_monitor, &app::JobMonitor::refreshed, this, [this](const QDateTime &when) {
            const QString time = QLocale().toString(when.toLocalTime().time(), QLocale::ShortFormat);
            m_queueStatus->setText(m_model->rowCount() == 0
                                       ? tr("Updated %1 · no jobs in the queue: write one under Job script").arg(time)
                                       : tr("Updated %1").arg(time));
            m_queueStatus->setToolTip(QString());
            if (!m_selectWhenListed.isEmpty() && m_model->indexOf(m_selectWhenListed).isValid()) {
                selectJob(m_selectWhenListed);
                m_selectWhenListed.clear();
            }
            updateActions();
        });
        connect(m_monitor, &app::JobMonitor::failed, this, [this](const QString &problem) {
            m_queueStatus->setText(tr("Cannot ask the scheduler: jobs shown as unknown"));
            m_queueStatus->setToolTip(problem);
            Q_EMIT message(problem);
        });
        connect(m_client, &app::SchedulerClient::schedulerChanged, this, &JobsArea::onSchedulerReady);
        // The detection's result names the scheduler even when clusterdesk has no back end for it.
        connect(connection, &app::ClusterConnection::schedulerDetected, this, &JobsArea::onSchedulerReady);
        onSchedulerReady();
    }
    updateActions();
}

void JobsArea::setNotifier(app::Notifier *notifier)
{
    m_notices->setNotifier(notifier);
}

QStringList JobsArea::keepsRunning() const
{
    int unfinished = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const auto state = app::JobState(index.data(JobListModel::StateRole).toInt());
        if (!index.data(JobListModel::FinishedRole).toBool() && !index.data(JobListModel::VanishedRole).toBool()
            && !app::isFinished(state) && state != app::JobState::Unknown)
            ++unfinished;
    }
    if (unfinished == 0)
        return {};
    const QString cluster = m_notices->cluster();
    return {unfinished == 1 ? tr("1 batch job on %1, queued or running").arg(cluster)
                            : tr("%1 batch jobs on %2, queued or running").arg(unfinished).arg(cluster)};
}

app::SchedulerClient *JobsArea::client() const
{
    return m_client && m_client->isReady() ? m_client.data() : nullptr;
}

void JobsArea::onSchedulerReady()
{
    m_editor->setConnection(m_connection); // its buttons follow the scheduler
    updateActions();
    app::SchedulerClient *current = client();
    if (!current) {
        if (m_monitor)
            m_monitor->stop();
        m_history->setClient(nullptr);
        m_resourcesFor.reset();
        m_queueStatus->setText(
            !m_connection ? QString()
            : m_connection->state() == sshcore::SshConnectionState::Connected && m_connection->scheduler()
                ? tr("%1: clusterdesk cannot list jobs here.").arg(m_connection->scheduler()->displayName())
            : m_connection->isOpen() ? tr("Looking for the batch scheduler…")
                                     : m_client->unavailableReason());
        return;
    }
    if (m_resourcesFor == current->scheduler()->kind())
        return; // the same back end, detected again after a reconnection: nothing to redo
    m_resourcesFor = current->scheduler()->kind();
    m_history->setClient(current);
    m_monitor->start();
    // The editor's pickers: partitions and their limits, accounts and QoS, GPUs, modules.
    current->resources(this, [this](sshcore::Result<app::ClusterResources> resources) {
        if (resources)
            m_editor->setResources(*resources);
        else
            Q_EMIT message(tr("Cannot read the cluster's partitions: %1").arg(resources.error().message));
    });
}

void JobsArea::showPage(Page page)
{
    m_pages->setCurrentIndex(page);
}

QString JobsArea::selectedJob() const
{
    const QModelIndexList rows = m_jobs->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.front().data(JobListModel::IdRole).toString();
}

void JobsArea::selectJob(const QString &id)
{
    const QModelIndex index = m_sorted->mapFromSource(m_model->indexOf(id));
    if (!index.isValid())
        return;
    m_jobs->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_jobs->setCurrentIndex(index);
    m_jobs->scrollTo(index);
}

void JobsArea::stopFollowing(const QString &placeholder)
{
    delete m_outputFollower;
    delete m_errorFollower;
    m_outputFollower = nullptr;
    m_errorFollower = nullptr;
    m_output->clear();
    m_errors->clear();
    m_outputPath->clear();
    m_output->setPlaceholderText(placeholder);
    m_errors->setPlaceholderText(QString());
}

void JobsArea::onSelectionChanged()
{
    updateActions();
    const QString id = selectedJob();
    const app::Job *job = m_model->job(id);
    if (!job) {
        m_detailsFor.clear();
        m_details->clear();
        stopFollowing(tr("Select a job to see its output as it is written."));
        return;
    }
    if (id != m_detailsFor)
        stopFollowing(tr("Reading the job's output…"));
    m_detailsFor = id;
    m_detailsState = m_model->indexOf(id).data(JobListModel::StateRole).toInt();
    showDetails(*job);
}

void JobsArea::showDetails(const app::Job &job)
{
    app::SchedulerClient *current = client();
    if (!current)
        return;
    const quint64 request = ++m_detailsRequest;
    const QString id = job.id;
    current->details(id, this, [this, request, id](sshcore::Result<app::JobDetails> details) {
        if (request != m_detailsRequest || id != m_detailsFor)
            return; // another job was selected meanwhile
        m_details->clear();
        if (!details) {
            // Gone from the scheduler's memory: what the list knows is all there is.
            auto *item = new QTreeWidgetItem(m_details, {tr("Details"), details.error().message});
            item->setToolTip(1, details.error().message);
            if (const app::Job *known = m_model->job(id); known && m_outputPath->text().isEmpty())
                follow(*known);
            return;
        }
        for (const auto &[key, value] : details->fields) {
            auto *item = new QTreeWidgetItem(m_details, {key, value});
            item->setToolTip(1, value);
        }
        follow(details->job);
    });
}

void JobsArea::follow(const app::Job &job)
{
    app::SchedulerClient *current = client();
    if (!current || m_outputFollower)
        return;
    const app::OutputPatterns::Facts facts = app::OutputPatterns::factsOf(job);
    const auto pathOf = [&](const QString &reported) -> QString {
        const auto expanded = reported.contains(u'%') ? app::OutputPatterns::expandSlurm(reported, facts)
                                                      : std::optional<QString>(reported);
        if (!expanded || expanded->isEmpty())
            return {};
        if (expanded->startsWith(u'/') || job.workDirectory.isEmpty())
            return *expanded;
        return job.workDirectory + u'/' + *expanded;
    };
    QString output = pathOf(job.standardOutput);
    if (output.isEmpty()) {
        if (const auto fallback = app::OutputPatterns::slurmPath(facts))
            output = pathOf(*fallback);
    }
    const QString errors = pathOf(job.standardError);
    if (output.isEmpty()) {
        m_outputPath->setText(tr("The scheduler does not say where this job's output goes."));
        return;
    }
    m_outputPath->setText(errors.isEmpty() || errors == output ? tr("Following %1").arg(output)
                                                               : tr("Following %1 (errors: %2)").arg(output, errors));
    const auto start = [this, current](app::OutputFollower *&follower, const QString &path, QPlainTextEdit *view) {
        follower = new app::OutputFollower(current, this);
        follower->setPath(path);
        connect(follower, &app::OutputFollower::appended, view,
                [view](const QByteArray &bytes) { appendOutput(view, bytes); });
        connect(follower, &app::OutputFollower::reset, view, &QPlainTextEdit::clear);
        connect(follower, &app::OutputFollower::problem, view, [view](const QString &problem) {
            if (view->document()->isEmpty())
                view->setPlaceholderText(problem);
        });
        follower->start();
    };
    start(m_outputFollower, output, m_output);
    m_errors->setPlaceholderText(tr("Errors go to the same file as the output (see Output)."));
    if (!errors.isEmpty() && errors != output)
        start(m_errorFollower, errors, m_errors);
}

void JobsArea::control(int action)
{
    if (!client() || m_confirmation)
        return;
    const auto what = app::JobControl(action);
    QStringList ids;
    QStringList names;
    for (const QModelIndex &row : m_jobs->selectionModel()->selectedRows()) {
        if (row.data(JobListModel::FinishedRole).toBool())
            continue;
        ids.append(row.data(JobListModel::IdRole).toString());
        const app::Job *job = m_model->job(ids.last());
        names.append(job && !job->name.isEmpty() ? QStringLiteral("%1 (%2)").arg(ids.last(), job->name) : ids.last());
    }
    if (ids.isEmpty())
        return;
    if (what == app::JobControl::Release)
        return applyControl(what, ids);
    const QString list = names.size() > 8
                             ? names.mid(0, 8).join(QStringLiteral(", ")) + tr(", and %1 more").arg(names.size() - 8)
                             : names.join(QStringLiteral(", "));
    const bool cancel = what == app::JobControl::Cancel;
    // Window-modal and asynchronous (open(), not exec()): the link may drop and come back, or the
    // connection go, while the question is up; the answer is acted on with what exists then.
    auto *box = new QMessageBox(
        QMessageBox::Question,
        ids.size() == 1 ? (cancel ? tr("Cancel job %1?").arg(ids.front()) : tr("Hold job %1?").arg(ids.front()))
                        : (cancel ? tr("Cancel %1 jobs?").arg(ids.size()) : tr("Hold %1 jobs?").arg(ids.size())),
        cancel ? tr("Cancel %1? A running job stops now and its results so far are what it wrote.").arg(list)
               : tr("Hold %1? Held jobs stay in the queue without starting until you release them.").arg(list),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmControl"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(cancel ? tr("Cancel the jobs") : tr("Hold"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box, yes, what, ids] {
        if (box->clickedButton() == static_cast<QAbstractButton *>(yes))
            applyControl(what, ids);
    });
    box->open();
}

void JobsArea::applyControl(app::JobControl what, const QStringList &ids)
{
    app::SchedulerClient *current = client();
    if (!current) {
        // Closed or failed for good while the question was up.
        showProblem(tr("Jobs not changed"),
                    tr("Nothing was sent to the cluster: %1")
                        .arg(m_client ? m_client->unavailableReason() : tr("Not connected to the cluster.")));
        return;
    }
    for (const QString &id : ids) {
        current->control(what, id, this, [this, id](sshcore::Result<void> done) {
            if (!done)
                showProblem(tr("Job %1").arg(id), done.error().message);
            if (m_monitor)
                m_monitor->refresh();
        });
    }
}

void JobsArea::showProblem(const QString &title, const QString &text)
{
    // Not modal to the application, and not waited for: a problem never holds the window up.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("jobProblem"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT message(text);
}

void JobsArea::updateActions()
{
    bool running = false;
    bool held = false;
    bool pending = false;
    for (const QModelIndex &row : m_jobs->selectionModel()->selectedRows()) {
        const auto state = JobState(row.data(JobListModel::StateRole).toInt());
        running = running || !row.data(JobListModel::FinishedRole).toBool();
        held = held || state == JobState::Held;
        pending = pending || state == JobState::Pending;
    }
    const bool ready = client() != nullptr;
    m_cancel->setEnabled(ready && running);
    m_hold->setEnabled(ready && pending);
    m_release->setEnabled(ready && held);
    const bool one = m_jobs->selectionModel()->selectedRows().size() == 1;
    m_monitorButton->setEnabled(ready && one);
    const app::Job *job = one ? m_model->job(selectedJob()) : nullptr;
    m_terminalButton->setEnabled(ready && job && job->state == JobState::Running);
}

} // namespace ui
