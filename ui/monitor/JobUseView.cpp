// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/monitor/JobUseView.h"

#include "app/monitor/JobTrack.h"
#include "app/monitor/Verdicts.h"
#include "app/schedulers/JobAccounting.h"
#include "app/schedulers/ResourceUnits.h"
#include "ui/monitor/TimeChart.h"
#include "ui/widgets/Palette.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr double GiB = double(app::units::GiB);

// A flat line at value over the span of series (a limit drawn across the chart).
app::Series flat(const app::Series &series, double value)
{
    app::Series line;
    if (!series.isEmpty()) {
        line.append(series.firstTime(), float(value));
        line.append(std::max(series.lastTime(), series.firstTime() + 1), float(value));
    }
    return line;
}

} // namespace

JobUseView::JobUseView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_cores(new TimeChart(tr("Cores busy"), tr("cores"), this))
    , m_memory(new TimeChart(tr("Memory"), tr("GiB"), this))
    , m_gpu(new TimeChart(tr("GPU utilisation"), QStringLiteral("%"), this))
    , m_gpuMemory(new TimeChart(tr("GPU memory"), tr("GiB"), this))
    , m_words(new QLabel(this))
{
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_title->setFont(big);
    m_status->setWordWrap(true);
    m_words->setWordWrap(true);
    m_words->setTextFormat(Qt::RichText);
    m_words->setObjectName(QStringLiteral("words"));
    m_cores->setValueFormat(tr("%1 cores"), 2);
    m_memory->setValueFormat(tr("%1 GiB"), 2);
    m_gpu->setValueFormat(tr("%1 %"), 0);
    m_gpu->setMinimumTop(100);
    m_gpuMemory->setValueFormat(tr("%1 GiB"), 2);
    for (TimeChart *chart : {m_cores, m_memory, m_gpu, m_gpuMemory})
        connect(chart, &ChartPanel::message, this, &JobUseView::message);

    auto *grid = new QGridLayout;
    grid->setSpacing(12);
    grid->addWidget(m_cores, 0, 0);
    grid->addWidget(m_memory, 0, 1);
    grid->addWidget(m_gpu, 1, 0);
    grid->addWidget(m_gpuMemory, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addLayout(grid, 1);
    layout->addWidget(m_words);
    show(nullptr);
}

void JobUseView::setMessage(const QString &text)
{
    m_status->setText(text);
}

void JobUseView::show(const app::JobTrack *track, const app::JobAccounting *accounting)
{
    if (!track) {
        m_title->setText(tr("No job chosen"));
        m_status->setText(tr("Pick one of your jobs above to see its use of CPUs, memory and GPUs."));
        for (TimeChart *chart : {m_cores, m_memory, m_gpu, m_gpuMemory}) {
            chart->setLines({});
            chart->setUnavailable(tr("No job chosen."));
        }
        m_wordLines.clear();
        m_words->clear();
        m_gpu->setVisible(true);
        m_gpuMemory->setVisible(true);
        return;
    }
    const app::Job &job = track->job;
    const QString id = job.id.isEmpty() ? track->facts.jobId : job.id;
    const QString name = job.name.isEmpty() ? track->facts.name : job.name;
    m_title->setText(name.isEmpty() ? tr("Job %1").arg(id) : tr("Job %1 · %2").arg(id, name));
    QStringList status{job.state == app::JobState::Unknown && !track->facts.stateText.isEmpty()
                           ? track->facts.stateText
                           : app::jobStateName(job.state)};
    if (accounting)
        status[0] = app::jobStateName(accounting->state);
    if (!track->facts.partition.isEmpty())
        status << tr("partition %1").arg(track->facts.partition);
    if (track->facts.allocatedCpus)
        status << (*track->facts.allocatedCpus == 1 ? tr("1 CPU") : tr("%1 CPUs").arg(*track->facts.allocatedCpus));
    if (track->facts.memoryLimitBytes)
        status << tr("%1 memory").arg(app::units::describeMemory(*track->facts.memoryLimitBytes));
    if (track->gpusRequested > 0)
        status << (track->gpusRequested == 1 ? tr("1 GPU") : tr("%1 GPUs").arg(track->gpusRequested));
    if (track->gpusRequested == 0 && track->gpus.isEmpty())
        status << tr("no GPU");
    if (!job.nodeList.isEmpty())
        status << job.nodeList;
    m_status->setText(status.join(QStringLiteral(" · ")));

    const bool pending = job.state == app::JobState::Pending || job.state == app::JobState::Held;
    const QString notStarted = tr("The job has not started yet.");

    // Cores busy, against the cores the job has.
    const int cores = track->facts.allocatedCpus.value_or(0);
    if (track->series.coresBusy.isEmpty()) {
        m_cores->setLines({});
        m_cores->setUnavailable(!track->usageProblem.isEmpty() ? track->usageProblem
                                : pending                      ? notStarted
                                                               : tr("Waiting for the second sample: cores busy is the "
                                                                                         "change of CPU time between two samples."));
    } else {
        m_cores->setUnavailable({});
        QList<ui::ChartLine> lines{{tr("cores busy"), track->series.coresBusy, 1, false}};
        if (cores > 0)
            lines.append({tr("cores allocated"), flat(track->series.coresBusy, cores), 1, true});
        m_cores->setMinimumTop(std::max(1, cores));
        m_cores->setLines(lines);
    }

    // Memory, against what was asked for.
    if (track->series.rssBytes.isEmpty()) {
        m_memory->setLines({});
        m_memory->setUnavailable(!track->usageProblem.isEmpty() ? track->usageProblem
                                 : !track->memoryNote.isEmpty() ? track->memoryNote
                                 : pending                      ? notStarted
                                                                : tr("No memory sample has come in yet."));
    } else {
        m_memory->setUnavailable({});
        const QString what = track->memoryNote.isEmpty() ? tr("resident memory") : tr("largest resident memory so far");
        QList<ui::ChartLine> lines{{what, track->series.rssBytes, GiB, false}};
        m_memory->setToolTip(track->memoryNote);
        if (const auto limit = track->facts.memoryLimitBytes) {
            lines.append({tr("memory asked for"), flat(track->series.rssBytes, double(*limit)), GiB, true});
            m_memory->setMinimumTop(double(*limit) / GiB);
        }
        m_memory->setLines(lines);
    }

    // GPUs: each of the job's own.
    QList<ui::ChartLine> utilisation, memory;
    double gpuMemoryTop = 1;
    for (const app::GpuSeries &gpu : track->gpus) {
        const QString gpuName = tr("GPU %1").arg(gpu.index);
        if (!gpu.utilisation.isEmpty())
            utilisation.append({gpuName, gpu.utilisation, 1, false});
        if (!gpu.memoryUsedBytes.isEmpty())
            memory.append({gpuName, gpu.memoryUsedBytes, GiB, false});
        gpuMemoryTop = std::max(gpuMemoryTop, double(gpu.memoryTotalBytes.value_or(0)) / GiB);
    }
    const QString noGpu = track->gpusRequested == 0 && track->gpus.isEmpty() ? tr("This job has no GPU.")
                          : !track->gpuProblem.isEmpty()                     ? track->gpuProblem
                          : pending                                          ? notStarted
                          : job.state == app::JobState::Running
                              ? tr("Waiting for the first reading from the job's GPUs…")
                              : tr("No GPU readings were kept for this job.");
    m_gpu->setLines(utilisation);
    m_gpuMemory->setLines(memory);
    m_gpu->setUnavailable(utilisation.isEmpty() ? noGpu : QString());
    m_gpuMemory->setUnavailable(memory.isEmpty() ? noGpu : QString());
    // A job without GPUs gets no empty GPU charts: the status line says it has none.
    const bool hasGpus = track->gpusRequested > 0 || !track->gpus.isEmpty();
    m_gpu->setVisible(hasGpus);
    m_gpuMemory->setVisible(hasGpus);
    m_gpuMemory->setMinimumTop(gpuMemoryTop);

    // The words: from the samples, or for a finished job without any, from accounting's totals.
    const bool ended = app::isFinished(job.state) || track->facts.end.isValid();
    const QDateTime now = ended && track->facts.end.isValid() ? track->facts.end : QDateTime::currentDateTimeUtc();
    const bool sampled = !track->series.rssBytes.isEmpty() || !track->series.coresBusy.isEmpty()
                         || !track->gpus.isEmpty();
    QList<app::Verdict> verdicts;
    if (sampled || !accounting)
        verdicts = pending ? QList<app::Verdict>()
                           : app::Verdicts::fromSamples(track->facts, track->series, track->gpus, now);
    else
        verdicts = app::Verdicts::fromAccounting(*accounting);
    m_wordLines.clear();
    QString html;
    for (const app::Verdict &verdict : std::as_const(verdicts)) {
        m_wordLines << verdict.text;
        const QColor colour = verdict.severity == app::Verdict::Warning ? palette::warning(palette())
                              : verdict.severity == app::Verdict::Good  ? palette::success(palette())
                                                                        : palette().color(QPalette::PlaceholderText);
        html += QStringLiteral("<p style='margin:2px'><span style='color:%1'>●</span> %2</p>")
                    .arg(colour.name(), verdict.text.toHtmlEscaped());
    }
    if (accounting && sampled) {
        // Accounting's own totals under the words, as the scheduler reports them.
        QStringList totals;
        if (const auto cpu = accounting->cpuEfficiency())
            totals << tr("CPU %1 %").arg(qRound(*cpu * 100));
        if (const auto memoryUse = accounting->memoryEfficiency())
            totals << tr("memory %1 %").arg(qRound(*memoryUse * 100));
        if (const auto time = accounting->timeEfficiency())
            totals << tr("time %1 %").arg(qRound(*time * 100));
        if (accounting->gpuUtilisationPercent)
            totals << tr("GPU %1 %").arg(qRound(*accounting->gpuUtilisationPercent));
        if (!totals.isEmpty())
            html += QStringLiteral("<p style='margin:6px 2px 2px 2px'>%1</p>")
                        .arg(tr("Accounting's totals: %1 of what was asked for.")
                                 .arg(totals.join(QStringLiteral(", ")))
                                 .toHtmlEscaped());
    }
    m_words->setText(html);
}

QStringList JobUseView::words() const
{
    return m_wordLines;
}

} // namespace ui
