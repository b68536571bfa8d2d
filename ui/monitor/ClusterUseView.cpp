// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/monitor/ClusterUseView.h"

#include "app/monitor/MonitorSampler.h"
#include "app/schedulers/ResourceUnits.h"
#include "ui/monitor/CategoryChart.h"
#include "ui/monitor/TimeChart.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace ui {

ClusterUseView::ClusterUseView(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_overTime(new QComboBox(this))
    , m_cpus(new CategoryChart(tr("CPUs now"), tr("CPUs"), CategoryChart::Layout::Stacked, this))
    , m_memory(new CategoryChart(tr("Memory now"), tr("GiB"), CategoryChart::Layout::Stacked, this))
    , m_gpus(new CategoryChart(tr("GPUs now"), tr("GPUs"), CategoryChart::Layout::Stacked, this))
    , m_cpusOverTime(new TimeChart(tr("Allocated over time"), QString(), this))
    , m_queue(new TimeChart(tr("Jobs pending and running"), tr("jobs"), this))
{
    m_status->setWordWrap(true);
    m_cpus->setValueFormat(tr("%1 CPUs"), 0);
    m_memory->setValueFormat(tr("%1 GiB"), 1);
    m_gpus->setValueFormat(tr("%1 GPUs"), 0);
    m_cpusOverTime->setValueFormat(tr("%1 CPUs"), 0);
    m_queue->setValueFormat(tr("%1 jobs"), 0);
    m_overTime->addItems({tr("CPUs"), tr("Memory"), tr("GPUs")});
    m_overTime->setToolTip(tr("What the chart below draws, allocated per partition"));
    connect(m_overTime, &QComboBox::currentIndexChanged, this, [this] { show(m_sampler); });
    auto *grid = new QGridLayout;
    grid->setSpacing(12);
    grid->addWidget(m_cpus, 0, 0);
    grid->addWidget(m_memory, 0, 1);
    grid->addWidget(m_gpus, 0, 2);
    auto *pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Over time:"), this));
    pick->addWidget(m_overTime);
    pick->addStretch(1);
    grid->addLayout(pick, 1, 0, 1, 3);
    grid->addWidget(m_cpusOverTime, 2, 0, 1, 3);
    grid->addWidget(m_queue, 3, 0, 1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(grid, 1);
    for (ChartPanel *chart : std::initializer_list<ChartPanel *>{m_cpus, m_memory, m_gpus, m_cpusOverTime, m_queue})
        connect(chart, &ChartPanel::message, this, &ClusterUseView::message);
    show(nullptr);
}

void ClusterUseView::show(const app::MonitorSampler *sampler)
{
    m_sampler = sampler;
    const QList<app::PartitionTrack> none;
    const QList<app::PartitionTrack> &partitions = sampler ? sampler->partitions() : none;
    if (!sampler || partitions.isEmpty()) {
        const QString why = sampler && !sampler->clusterProblem().isEmpty() ? sampler->clusterProblem()
                                                                            : tr("Waiting for the first sample…");
        for (ChartPanel *chart : std::initializer_list<ChartPanel *>{m_cpus, m_memory, m_gpus, m_cpusOverTime, m_queue})
            chart->setUnavailable(why);
        m_status->setText(sampler ? why : tr("Not connected."));
        return;
    }
    m_status->setText(
        sampler->clusterProblem().isEmpty()
            ? tr("Sampled every %1 s while shown (once a minute otherwise) · last at %2")
                  .arg(sampler->interval().count() / 1000)
                  .arg(QLocale().toString(sampler->lastRefresh().toLocalTime().time(), QLocale::ShortFormat))
            : sampler->clusterProblem());

    QStringList names;
    QList<double> cpuAllocated, cpuIdle, cpuOther, memAllocated, memIdle, memOther, gpuAllocated, gpuIdle, gpuOther;
    bool anyMemory = false, anyGpus = false;
    QList<ChartLine> cpusOverTime, queue;
    constexpr double GiB = double(app::units::GiB);
    for (const app::PartitionTrack &track : partitions) {
        const app::PartitionUse &use = track.now;
        names << use.partition;
        cpuAllocated << use.cpusAllocated;
        cpuIdle << use.cpusIdle;
        cpuOther << use.cpusUnavailable;
        anyMemory = anyMemory || use.hasMemory;
        memAllocated << double(use.memoryAllocatedBytes) / GiB;
        memIdle << double(use.memoryIdleBytes) / GiB;
        memOther << double(use.memoryUnavailableBytes) / GiB;
        anyGpus = anyGpus || (use.hasGpus && use.gpusTotal() > 0);
        gpuAllocated << use.gpusAllocated;
        gpuIdle << use.gpusIdle;
        gpuOther << use.gpusUnavailable;
        const int what = m_overTime->currentIndex();
        if (what == 0)
            cpusOverTime.append({use.partition, track.cpusAllocated, 1, false});
        else if (what == 1 && !track.memoryAllocatedBytes.isEmpty())
            cpusOverTime.append({use.partition, track.memoryAllocatedBytes, GiB, false});
        else if (what == 2 && !track.gpusAllocated.isEmpty())
            cpusOverTime.append({use.partition, track.gpusAllocated, 1, false});
        queue.append({tr("%1 pending").arg(use.partition), track.pending, 1, false});
        queue.append({tr("%1 running").arg(use.partition), track.running, 1, false});
    }
    const auto sets = [this](const QList<double> &allocated, const QList<double> &idle, const QList<double> &other) {
        return QList<BarSet>{{tr("allocated"), allocated}, {tr("idle"), idle}, {tr("unavailable"), other}};
    };
    m_cpus->setUnavailable({});
    m_cpus->setData(names, sets(cpuAllocated, cpuIdle, cpuOther));
    m_memory->setUnavailable(anyMemory ? QString() : tr("The scheduler does not report memory per partition."));
    m_memory->setData(names, sets(memAllocated, memIdle, memOther));
    m_gpus->setUnavailable(anyGpus ? QString() : tr("No partition has GPUs."));
    m_gpus->setData(names, sets(gpuAllocated, gpuIdle, gpuOther));
    static const char *const units[] = {QT_TR_NOOP("%1 CPUs"), QT_TR_NOOP("%1 GiB"), QT_TR_NOOP("%1 GPUs")};
    m_cpusOverTime->setValueFormat(tr(units[m_overTime->currentIndex()]), m_overTime->currentIndex() == 1 ? 1 : 0);
    m_cpusOverTime->setUnavailable(cpusOverTime.isEmpty() ? tr("The scheduler does not report this per partition.")
                                                          : QString());
    m_cpusOverTime->setLines(cpusOverTime);
    m_queue->setUnavailable({});
    m_queue->setLines(queue);
}

} // namespace ui
