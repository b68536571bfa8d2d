// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/monitor/MonitorArea.h"

#include "app/connections/ClusterConnection.h"
#include "app/jobs/JobNotices.h"
#include "app/monitor/MonitorArchive.h"
#include "app/monitor/MonitorSampler.h"
#include "app/notify/Notice.h"
#include "app/schedulers/JobAccounting.h"
#include "app/schedulers/SchedulerClient.h"
#include "ui/monitor/ClusterUseView.h"
#include "ui/monitor/JobUseView.h"
#include "ui/monitor/MyJobsView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

QScrollArea *scrolled(QWidget *page, QWidget *parent)
{
    auto *area = new QScrollArea(parent);
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    page->setMinimumHeight(560);
    return area;
}

} // namespace

MonitorArea::MonitorArea(QWidget *parent)
    : QWidget(parent)
    , m_picker(new QComboBox(this))
    , m_lastSample(new QLabel(this))
    , m_pages(new QTabWidget(this))
    , m_jobView(new JobUseView(this))
    , m_myJobs(new MyJobsView(this))
    , m_cluster(new ClusterUseView(this))
{
    m_picker->setObjectName(QStringLiteral("jobPicker"));
    m_picker->setMinimumContentsLength(32);
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_picker->setPlaceholderText(tr("Choose one of your jobs"));
    connect(m_picker, &QComboBox::activated, this, &MonitorArea::pickerChosen);
    m_lastSample->setForegroundRole(QPalette::PlaceholderText);

    m_pages->setDocumentMode(true);
    m_pages->addTab(scrolled(m_jobView, this), tr("&Job"));
    m_pages->addTab(scrolled(m_myJobs, this), tr("&My jobs over time"));
    m_pages->addTab(scrolled(m_cluster, this), tr("The &cluster"));
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int page) {
        if (page == MyJobsPage)
            m_myJobs->reload();
    });
    for (QWidget *view : std::initializer_list<QWidget *>{m_jobView, m_myJobs, m_cluster})
        connect(view, SIGNAL(message(QString)), this, SIGNAL(message(QString)));

    m_terminal = new QPushButton(QIcon::fromTheme(QStringLiteral("utilities-terminal")), tr("&Terminal"), this);
    m_terminal->setObjectName(QStringLiteral("monitorTerminal"));
    m_terminal->setToolTip(tr("A shell on the job's node, inside its allocation: top and nvidia-smi there show its "
                              "own processes and GPUs"));
    connect(m_terminal, &QPushButton::clicked, this, [this] {
        if (const app::Job *job = runningJob(m_jobId))
            Q_EMIT terminalRequested(job->id, job->nodeList);
    });
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Job:"), this));
    bar->addWidget(m_picker);
    bar->addWidget(m_terminal);
    bar->addStretch(1);
    bar->addWidget(m_lastSample);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_pages, 1);
}

MonitorArea::~MonitorArea()
{
    if (app::MonitorSampler *s = sampler()) {
        if (!m_jobId.isEmpty())
            s->unwatch(m_jobId);
        if (m_viewing)
            s->setViewed(false);
    }
}

void MonitorArea::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (app::MonitorSampler *s = sampler(); s && !std::exchange(m_viewing, true))
        s->setViewed(true);
}

void MonitorArea::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (app::MonitorSampler *s = sampler(); s && std::exchange(m_viewing, false))
        s->setViewed(false);
}

app::MonitorSampler *MonitorArea::sampler() const
{
    return m_connection ? m_connection->monitor() : nullptr;
}

void MonitorArea::setConnection(app::ClusterConnection *connection)
{
    if (connection == m_connection)
        return;
    if (app::MonitorSampler *old = sampler()) {
        disconnect(old, nullptr, this, nullptr);
        if (!m_jobId.isEmpty())
            old->unwatch(m_jobId);
        if (std::exchange(m_viewing, false))
            old->setViewed(false);
    }
    m_jobId.clear();
    m_accounting.clear();
    m_known.clear();
    m_connection = connection;
    m_myJobs->setClient(connection ? connection->schedulerClient() : nullptr);
    if (app::MonitorSampler *now = sampler()) {
        connect(now, &app::MonitorSampler::refreshed, this, &MonitorArea::refreshed);
        connect(now, &app::MonitorSampler::jobUpdated, this, [this](const QString &jobId) {
            if (jobId == m_jobId)
                showShownJob();
        });
        connect(now, &app::MonitorSampler::jobStateChanged, this,
                [this](const QString &jobId, app::JobState previous, app::JobState state) {
                    stateChanged(jobId, int(previous), int(state));
                });
        now->refresh();
        if (isVisible() && !std::exchange(m_viewing, true))
            now->setViewed(true);
        if (app::MonitorArchive *archive = now->archive()) {
            connect(archive, &app::MonitorArchive::problem, this, &MonitorArea::message);
            archive->readKnownJobs(this, [this](sshcore::Result<QList<app::KnownJob>> known) {
                if (known) {
                    m_known = *known;
                    fillPicker();
                }
            });
        }
    }
    fillPicker();
    showShownJob();
    m_cluster->show(sampler());
    if (m_pages->currentIndex() == MyJobsPage)
        m_myJobs->reload();
}

void MonitorArea::setNotifier(app::Notifier *notifier)
{
    m_notifier = notifier;
}

void MonitorArea::showPage(Page page)
{
    m_pages->setCurrentIndex(page);
}

void MonitorArea::showJob(const QString &jobId)
{
    app::MonitorSampler *s = sampler();
    if (!s || jobId == m_jobId)
        return;
    if (!m_jobId.isEmpty())
        s->unwatch(m_jobId);
    m_jobId = jobId;
    m_terminal->setEnabled(runningJob(jobId) != nullptr);
    if (!jobId.isEmpty()) {
        s->watch(jobId);
        // Neither waiting nor running: accounting says how it ended, with its totals.
        bool queued = false;
        for (const app::Job &job : s->myJobs())
            queued = queued || (job.id == jobId && !app::isFinished(job.state));
        if (!queued && !m_accounting.contains(jobId))
            askAccounting(jobId);
    }
    fillPicker();
    showPage(JobPage);
    showShownJob();
}

void MonitorArea::refreshed()
{
    app::MonitorSampler *s = sampler();
    if (!s)
        return;
    m_lastSample->setText(
        s->lastRefresh().isValid()
            ? tr("Last sample %1").arg(QLocale().toString(s->lastRefresh().toLocalTime().time(), QLocale::ShortFormat))
            : QString());
    fillPicker();
    m_cluster->show(s);
    showShownJob();
}

const app::Job *MonitorArea::runningJob(const QString &jobId) const
{
    app::MonitorSampler *s = sampler();
    if (!s || jobId.isEmpty())
        return nullptr;
    for (const app::Job &job : s->myJobs()) {
        if (job.id == jobId && job.state == app::JobState::Running)
            return &job;
    }
    return nullptr;
}

void MonitorArea::fillPicker()
{
    m_terminal->setEnabled(runningJob(m_jobId) != nullptr);
    const QSignalBlocker blocker(m_picker);
    m_picker->clear();
    app::MonitorSampler *s = sampler();
    if (!s)
        return;
    QStringList ids;
    for (const app::Job &job : s->myJobs()) {
        if (job.state != app::JobState::Running && job.state != app::JobState::Pending && job.id != m_jobId)
            continue;
        ids << job.id;
        m_picker->addItem(tr("%1 · %2 · %3").arg(job.id, job.name, app::jobStateName(job.state)), job.id);
    }
    if (!m_jobId.isEmpty() && !ids.contains(m_jobId)) {
        const app::JobTrack *track = s->track(m_jobId);
        const QString name = track ? (track->job.name.isEmpty() ? track->facts.name : track->job.name) : QString();
        const QString state = track && track->job.state != app::JobState::Unknown ? app::jobStateName(track->job.state)
                              : track                                             ? track->facts.stateText
                                                                                  : QString();
        m_picker->addItem(tr("%1 · %2 · %3").arg(m_jobId, name, state), m_jobId);
        ids << m_jobId;
    }
    // Then the jobs whose samples were kept (the newest first), to look at afterwards.
    bool separated = false;
    for (const app::KnownJob &known : std::as_const(m_known)) {
        if (ids.contains(known.facts.jobId))
            continue;
        if (!std::exchange(separated, true) && m_picker->count() > 0)
            m_picker->insertSeparator(m_picker->count());
        m_picker->addItem(tr("%1 · %2 · kept from %3")
                              .arg(known.facts.jobId, known.facts.name,
                                   QLocale().toString(known.lastSample.toLocalTime(), QLocale::ShortFormat)),
                          known.facts.jobId);
    }
    m_picker->setCurrentIndex(m_picker->findData(m_jobId));
}

void MonitorArea::pickerChosen()
{
    showJob(m_picker->currentData().toString());
}

void MonitorArea::showShownJob()
{
    app::MonitorSampler *s = sampler();
    const app::JobTrack *track = s && !m_jobId.isEmpty() ? s->track(m_jobId) : nullptr;
    auto it = m_accounting.constFind(m_jobId);
    m_jobView->show(track, it == m_accounting.constEnd() ? nullptr : &it.value());
}

void MonitorArea::askAccounting(const QString &jobId)
{
    if (!m_connection)
        return;
    m_connection->schedulerClient()->history({}, {jobId}, this,
                                             [this, jobId](sshcore::Result<QList<app::JobAccounting>> records) {
                                                 if (!records)
                                                     return;
                                                 for (const app::JobAccounting &record : *records) {
                                                     if (record.id == jobId && app::isFinished(record.state))
                                                         m_accounting.insert(jobId, record);
                                                 }
                                                 if (jobId == m_jobId)
                                                     showShownJob();
                                             });
}

void MonitorArea::stateChanged(const QString &jobId, int previousState, int nowState)
{
    const auto previous = app::JobState(previousState);
    const auto now = app::JobState(nowState);
    app::MonitorSampler *s = sampler();
    const app::JobTrack *track = s ? s->track(jobId) : nullptr;
    if (!track || !m_connection)
        return;
    const QString cluster = m_connection->profile().name;
    if (now == app::JobState::Running && previous != app::JobState::Running) {
        if (m_notifier && previous != app::JobState::Unknown)
            m_notifier->show(app::JobNotices::startedNotice(cluster, track->job));
        return;
    }
    if (!app::isFinished(now) || app::isFinished(previous))
        return;
    // Ended: accounting says how, and gives the totals shown under the charts.
    const app::Job job = track->job;
    m_connection->schedulerClient()
        ->history({}, {jobId}, this, [this, cluster, job, jobId](sshcore::Result<QList<app::JobAccounting>> records) {
            const app::JobAccounting *record = nullptr;
            if (records) {
                for (const app::JobAccounting &candidate : *records) {
                    if (candidate.id == jobId)
                        record = &m_accounting.insert(jobId, candidate).value();
                }
            }
            if (m_notifier) {
                app::JobRow row;
                row.setJob(job);
                row.phase = record ? app::JobRow::Phase::Finished : app::JobRow::Phase::Ended;
                if (record) {
                    row.job.state = record->state;
                    row.job.stateText = record->stateText;
                    row.exitCode = record->exitCode;
                }
                m_notifier->show(app::JobNotices::endedNotice(cluster, row, record));
            }
            if (jobId == m_jobId)
                showShownJob();
        });
}

} // namespace ui
