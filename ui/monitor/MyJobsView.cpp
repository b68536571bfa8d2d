// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/monitor/MyJobsView.h"

#include "app/schedulers/JobAccounting.h"
#include "app/schedulers/SchedulerClient.h"
#include "ui/monitor/CategoryChart.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

namespace {

constexpr int HistoryDays = 30;
constexpr double Low = 0.25; // under a quarter of what was asked for: an outlier

QString jobLabel(const app::JobAccounting &job)
{
    return job.name.isEmpty() ? job.id : QStringLiteral("%1 %2").arg(job.id, job.name.left(24));
}

double percent(const std::optional<double> &fraction)
{
    return fraction ? std::clamp(*fraction * 100, 0.0, 400.0) : 0;
}

} // namespace

MyJobsView::MyJobsView(QWidget *parent)
    : QWidget(parent)
    , m_count(new QSpinBox(this))
    , m_reload(new QPushButton(tr("&Reload"), this))
    , m_status(new QLabel(this))
    , m_efficiency(new CategoryChart(tr("Efficiency of my last jobs"), tr("% of what was asked for"),
                                     CategoryChart::Layout::Grouped, this))
    , m_outliers(new QLabel(this))
    , m_wait(new CategoryChart(tr("Waiting time per partition (last 30 days)"), tr("minutes"),
                               CategoryChart::Layout::Grouped, this))
{
    m_count->setRange(5, 200);
    m_count->setValue(20);
    m_count->setPrefix(tr("last ", "spin box prefix"));
    m_count->setSuffix(tr(" jobs", "spin box suffix"));
    m_status->setWordWrap(true);
    m_outliers->setWordWrap(true);
    m_outliers->setObjectName(QStringLiteral("outliers"));
    m_efficiency->setMinimumTop(100);
    m_efficiency->setValueFormat(tr("%1 %"), 0);
    m_wait->setValueFormat(tr("%1 min"), 1);
    connect(m_reload, &QPushButton::clicked, this, &MyJobsView::reload);
    connect(m_count, &QSpinBox::valueChanged, this, [this] { showJobs(m_jobs); });
    connect(m_efficiency, &ChartPanel::message, this, &MyJobsView::message);
    connect(m_wait, &ChartPanel::message, this, &MyJobsView::message);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_count);
    bar->addWidget(m_reload);
    bar->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_efficiency, 3);
    layout->addWidget(m_outliers);
    layout->addWidget(m_wait, 2);
    showJobs({});
}

void MyJobsView::setClient(app::SchedulerClient *client)
{
    m_client = client;
    m_jobs.clear();
    showJobs({});
}

void MyJobsView::reload()
{
    if (!m_client)
        return;
    m_status->setText(tr("Asking accounting for the last %1 days…").arg(HistoryDays));
    m_reload->setEnabled(false);
    m_client->history(QDateTime::currentDateTimeUtc().addDays(-HistoryDays), {}, this,
                      [this](sshcore::Result<QList<app::JobAccounting>> jobs) {
                          m_reload->setEnabled(true);
                          if (!jobs) {
                              m_status->setText(jobs.error().message);
                              return;
                          }
                          m_status->clear();
                          showJobs(*jobs);
                      });
}

void MyJobsView::showJobs(const QList<app::JobAccounting> &jobs)
{
    m_jobs = jobs;
    // The last N that finished, oldest first (as they read left to right in time).
    QList<const app::JobAccounting *> finished;
    for (const app::JobAccounting &job : jobs) {
        if (app::isFinished(job.state) && job.startTime.isValid())
            finished.append(&job);
    }
    std::sort(finished.begin(), finished.end(),
              [](const app::JobAccounting *a, const app::JobAccounting *b) { return a->endTime < b->endTime; });
    if (finished.size() > m_count->value())
        finished = finished.mid(finished.size() - m_count->value());

    QStringList names;
    QList<double> cpu, memory, time, gpu;
    bool anyGpu = false;
    QStringList low;
    for (const app::JobAccounting *job : std::as_const(finished)) {
        names << jobLabel(*job);
        cpu << percent(job->cpuEfficiency());
        memory << percent(job->memoryEfficiency());
        time << percent(job->timeEfficiency());
        gpu << job->gpuUtilisationPercent.value_or(0);
        anyGpu = anyGpu || job->gpuUtilisationPercent.has_value();
        QStringList what;
        if (job->cpuEfficiency() && *job->cpuEfficiency() < Low)
            what << tr("%1 % of its CPUs").arg(qRound(percent(job->cpuEfficiency())));
        if (job->memoryEfficiency() && *job->memoryEfficiency() < Low)
            what << tr("%1 % of its memory").arg(qRound(percent(job->memoryEfficiency())));
        if (job->gpuUtilisationPercent && *job->gpuUtilisationPercent < Low * 100)
            what << tr("%1 % of its GPUs").arg(qRound(*job->gpuUtilisationPercent));
        if (!what.isEmpty())
            low << tr("%1 used %2").arg(jobLabel(*job), QLocale().createSeparatedList(what));
    }
    QList<BarSet> sets{{tr("CPU"), cpu}, {tr("memory"), memory}, {tr("time"), time}};
    if (anyGpu)
        sets.append({tr("GPU"), gpu});
    m_efficiency->setData(names, sets);
    m_efficiency->setUnavailable(
        names.isEmpty() ? tr("Accounting lists no finished job of yours in the last %1 days.").arg(HistoryDays)
                        : QString());
    m_outliers->setText(low.isEmpty()
                            ? (names.isEmpty() ? QString()
                                               : tr("None of these jobs used less than a quarter of what "
                                                    "it asked for."))
                            : tr("Asked for much more than they used: %1.").arg(low.join(QStringLiteral("; "))));

    // Waiting: submit → start, per partition, over every job accounting listed.
    QMap<QString, QList<double>> waits;
    for (const app::JobAccounting &job : jobs) {
        if (job.submitTime.isValid() && job.startTime.isValid() && job.startTime >= job.submitTime)
            waits[job.partition.isEmpty() ? tr("(none)") : job.partition].append(
                double(job.submitTime.secsTo(job.startTime)) / 60.0);
    }
    QStringList partitions;
    QList<double> median, longest;
    for (auto it = waits.begin(); it != waits.end(); ++it) {
        QList<double> &minutes = it.value();
        std::sort(minutes.begin(), minutes.end());
        partitions << (minutes.size() == 1 ? tr("%1 (1 job)").arg(it.key())
                                           : tr("%1 (%2 jobs)").arg(it.key()).arg(minutes.size()));
        median << minutes.at(minutes.size() / 2);
        longest << minutes.constLast();
    }
    m_wait->setData(partitions, {{tr("median"), median}, {tr("longest"), longest}});
    m_wait->setUnavailable(partitions.isEmpty() ? tr("No job of yours started in the last %1 days.").arg(HistoryDays)
                                                : QString());
}

QString MyJobsView::outliers() const
{
    return m_outliers->text();
}

} // namespace ui
