// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/monitor/Verdicts.h"

#include "app/schedulers/JobAccounting.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::Verdicts)
};
constexpr qint64 mib = 1024LL * 1024;
constexpr qint64 gib = 1024 * mib;

// How much of a request was used, as the History page colours it: under a quarter is a warning,
// under 60 % a note.
Verdict::Severity severityOf(double used)
{
    if (used < 0.25)
        return Verdict::Warning;
    if (used < 0.6)
        return Verdict::Note;
    return Verdict::Good;
}

QString number(double value)
{
    // One decimal under 10 ("3.1"), none from there ("55"); "4.0" is "4".
    const int decimals = std::abs(value) < 9.95 ? 1 : 0;
    if (decimals == 1 && std::abs(value - std::round(value)) < 0.05)
        return QLocale().toString(std::round(value), 'f', 0);
    return QLocale().toString(value, 'f', decimals);
}

struct Unit
{
    qint64 size;
    QString name;
};

Unit unitOf(qint64 bytes)
{
    if (bytes >= gib)
        return {gib, Tr::tr("GiB")};
    if (bytes >= mib)
        return {mib, Tr::tr("MiB")};
    if (bytes >= 1024)
        return {1024, Tr::tr("KiB")};
    return {1, Tr::tr("bytes")};
}

// "3.1 of 55 GiB" when both are in the same unit, else "300 MiB of 55 GiB".
QString bytesOf(qint64 part, qint64 whole)
{
    const Unit partUnit = unitOf(part);
    const Unit wholeUnit = unitOf(whole);
    if (partUnit.size == wholeUnit.size)
        return Tr::tr("%1 of %2 %3")
            .arg(number(double(part) / double(partUnit.size)), number(double(whole) / double(wholeUnit.size)),
                 wholeUnit.name);
    return Tr::tr("%1 of %2").arg(Verdicts::bytesText(part), Verdicts::bytesText(whole));
}

QString percent(double value)
{
    return Tr::tr("%1 %").arg(QLocale().toString(std::round(value), 'f', 0));
}

} // namespace

qint64 Verdicts::suggestedMemoryBytes(qint64 peakBytes)
{
    const qint64 needed = peakBytes + std::max(peakBytes / 2, 256 * mib);
    for (qint64 step : {256 * mib, 512 * mib, gib, 2 * gib, 4 * gib}) {
        if (needed <= step)
            return step;
    }
    // 8, 12, 16, 24, 32, 48, 64… GiB.
    for (qint64 power = 8 * gib;; power *= 2) {
        if (needed <= power)
            return power;
        if (needed <= power + power / 2)
            return power + power / 2;
    }
}

int Verdicts::suggestedCores(double averageBusy)
{
    return std::max(1, int(std::ceil(averageBusy * 1.2 - 1e-9)));
}

qint64 Verdicts::suggestedSeconds(qint64 usedSeconds)
{
    const qint64 needed = usedSeconds + usedSeconds / 2;
    constexpr qint64 hour = 3600;
    for (qint64 step : {15 * 60LL, 30 * 60LL, hour, 2 * hour, 4 * hour, 6 * hour, 8 * hour, 12 * hour, 24 * hour,
                        48 * hour, 72 * hour}) {
        if (needed <= step)
            return step;
    }
    return (needed + 24 * hour - 1) / (24 * hour) * (24 * hour);
}

QString Verdicts::bytesText(qint64 bytes)
{
    const Unit unit = unitOf(bytes);
    return Tr::tr("%1 %2").arg(number(double(bytes) / double(unit.size)), unit.name);
}

QString Verdicts::durationText(qint64 seconds)
{
    if (seconds < 60)
        return Tr::tr("%1 s").arg(seconds);
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 60)
        return Tr::tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 72) {
        if (minutes % 60 == 0)
            return Tr::tr("%1 h").arg(hours);
        return Tr::tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    }
    if (hours % 24 == 0)
        return Tr::tr("%1 d").arg(hours / 24);
    return Tr::tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

Verdict Verdicts::cpu(std::optional<double> averageBusy, std::optional<int> allocated, bool finished,
                      const QString &missingWhy)
{
    Q_UNUSED(finished) // what was busy so far is already worth a suggestion: cores do not peak later
    if (!averageBusy)
        return {Verdict::Cpu, Verdict::Note, missingWhy};
    const double busy = std::max(0.0, *averageBusy);
    if (!allocated || *allocated <= 0)
        return {Verdict::Cpu, Verdict::Note,
                Tr::tr("about %1 cores were busy; how many were allocated is not known").arg(number(busy))};
    const int cores = *allocated;
    const double used = busy / cores;
    if (cores == 1)
        return {Verdict::Cpu, severityOf(used),
                Tr::tr("the one core was busy about %1 of the time").arg(percent(100 * used))};
    const int suggested = suggestedCores(busy);
    const QString advice = suggested < cores && used < 0.6 ? Tr::tr(": ask for %1 next time").arg(suggested)
                                                           : QString();
    if (busy < 0.5)
        return {Verdict::Cpu, severityOf(used),
                Tr::tr("almost none of the %1 cores were busy%2").arg(cores).arg(advice)};
    return {Verdict::Cpu, severityOf(used),
            Tr::tr("about %1 of the %2 cores were busy%3").arg(qRound(busy)).arg(cores).arg(advice)};
}

Verdict Verdicts::memory(std::optional<qint64> peakBytes, std::optional<qint64> limitBytes, bool finished,
                         const QString &missingWhy)
{
    Q_UNUSED(finished)
    if (!peakBytes)
        return {Verdict::Memory, Verdict::Note, missingWhy};
    const qint64 peak = std::max<qint64>(0, *peakBytes);
    const qint64 suggested = suggestedMemoryBytes(peak);
    if (!limitBytes || *limitBytes <= 0)
        return {Verdict::Memory, Verdict::Note,
                Tr::tr("memory peaked at %1; the limit asked for is not known").arg(bytesText(peak))};
    const qint64 limit = *limitBytes;
    if (peak > limit)
        return {Verdict::Memory, Verdict::Warning,
                Tr::tr("memory peaked at %1, over the %2 asked: ask for %3 next time")
                    .arg(bytesText(peak), bytesText(limit), bytesText(suggested))};
    const double used = double(peak) / double(limit);
    if (used >= 0.9 && suggested > limit)
        return {Verdict::Memory, Verdict::Warning,
                Tr::tr("memory peaked at %1, close to the limit: ask for %2 next time")
                    .arg(bytesOf(peak, limit), bytesText(suggested))};
    if (suggested < limit && used < 0.6)
        return {Verdict::Memory, severityOf(used),
                Tr::tr("memory peaked at %1: ask for %2 next time").arg(bytesOf(peak, limit), bytesText(suggested))};
    return {Verdict::Memory, Verdict::Good, Tr::tr("memory peaked at %1").arg(bytesOf(peak, limit))};
}

Verdict Verdicts::time(std::optional<qint64> usedSeconds, std::optional<qint64> limitSeconds, bool finished)
{
    if (!usedSeconds)
        return {Verdict::Time, Verdict::Note, Tr::tr("The time used is not known yet: the job has not started.")};
    const qint64 used = std::max<qint64>(0, *usedSeconds);
    if (!limitSeconds || *limitSeconds <= 0)
        return {Verdict::Time, Verdict::Note,
                finished ? Tr::tr("used %1; the time limit is not known").arg(durationText(used))
                         : Tr::tr("has used %1 so far; the time limit is not known").arg(durationText(used))};
    const qint64 limit = *limitSeconds;
    if (!finished)
        return {Verdict::Time, Verdict::Good,
                Tr::tr("has used %1 of the %2 asked so far").arg(durationText(used), durationText(limit))};
    // A job stopped at its limit used all of it; what it would have needed is not known.
    if (used >= limit - 60)
        return {Verdict::Time, Verdict::Warning,
                Tr::tr("used all of the %1 asked and was stopped at the limit: ask for more next time")
                    .arg(durationText(limit))};
    const double share = double(used) / double(limit);
    const qint64 suggested = suggestedSeconds(used);
    if (suggested < limit && share < 0.6)
        return {Verdict::Time, severityOf(share),
                Tr::tr("used %1 of the %2 asked: ask for %3")
                    .arg(durationText(used), durationText(limit), durationText(suggested))};
    return {Verdict::Time, Verdict::Good,
            Tr::tr("used %1 of the %2 asked").arg(durationText(used), durationText(limit))};
}

QList<Verdict> Verdicts::gpu(const QList<GpuSeries> &gpus, std::optional<int> allocatedGpus)
{
    QList<Verdict> verdicts;
    const bool anySample = std::any_of(gpus.begin(), gpus.end(),
                                       [](const GpuSeries &gpu) { return gpu.peakUtilisation.has_value(); });
    if (!anySample) {
        if (!gpus.isEmpty() || allocatedGpus.value_or(0) > 0)
            verdicts.append({Verdict::Gpu, Verdict::Note, Tr::tr("GPU use is not known yet: no sample has come in.")});
        return verdicts;
    }
    for (const GpuSeries &gpu : gpus) {
        const QString label = gpus.size() == 1 ? Tr::tr("GPU utilisation")
                                               : Tr::tr("GPU %1 utilisation").arg(gpu.index);
        if (!gpu.peakUtilisation) {
            verdicts.append(
                {Verdict::Gpu, Verdict::Note, Tr::tr("%1 is not known yet: no sample has come in.").arg(label)});
            continue;
        }
        const double peak = *gpu.peakUtilisation;
        if (std::round(peak) < 90)
            verdicts.append(
                {Verdict::Gpu, severityOf(peak / 100), Tr::tr("%1 never went over %2").arg(label, percent(peak))});
        else
            verdicts.append({Verdict::Gpu, Verdict::Good, Tr::tr("%1 reached %2").arg(label, percent(peak))});
        const double average = gpu.averageUtilisation.value_or(gpu.utilisation.timeWeightedMean().value_or(peak));
        const auto memoryPeak = gpu.memoryUsedBytes.maximum();
        QString text = Tr::tr("%1 averaged %2").arg(label, percent(average));
        if (memoryPeak && gpu.memoryTotalBytes)
            text = Tr::tr("%1 averaged %2; its memory peaked at %3")
                       .arg(label, percent(average), bytesOf(qint64(*memoryPeak), *gpu.memoryTotalBytes));
        verdicts.append({Verdict::Gpu, severityOf(average / 100), text});
    }
    return verdicts;
}

QList<Verdict> Verdicts::fromSamples(const JobFacts &facts, const JobSeries &job, const QList<GpuSeries> &gpus,
                                     const QDateTime &now)
{
    const bool finished = facts.end.isValid();
    QList<Verdict> verdicts;
    verdicts.append(cpu(job.averageCoresBusy, facts.allocatedCpus, finished,
                        Tr::tr("CPU use is not known yet: no sample has come in.")));
    verdicts.append(memory(job.peakRssBytes, facts.memoryLimitBytes, finished,
                           Tr::tr("Memory use is not known yet: no sample has come in.")));
    verdicts.append(gpu(gpus, facts.gpuCount));
    std::optional<qint64> used;
    if (facts.start.isValid())
        used = facts.start.secsTo(finished ? facts.end : now);
    verdicts.append(time(used, facts.timeLimitSeconds, finished));
    return verdicts;
}

QList<Verdict> Verdicts::fromAccounting(const JobAccounting &job)
{
    QList<Verdict> verdicts;
    std::optional<double> busy;
    if (job.cpuSeconds && job.elapsedSeconds && *job.elapsedSeconds > 0)
        busy = *job.cpuSeconds / double(*job.elapsedSeconds);
    const std::optional<int> cpus = job.allocatedCpus > 0 ? std::optional<int>(job.allocatedCpus) : std::nullopt;
    verdicts.append(cpu(busy, cpus, true, Tr::tr("CPU use is not known: the scheduler gives none for this job.")));
    verdicts.append(memory(job.maxRssBytes, job.requestedMemoryBytes, true,
                           Tr::tr("Memory use is not known: the scheduler gives none for this job.")));
    static const QRegularExpression gpuCount(u"gres/gpu(?::[^=,]*)?=(\\d+)"_s);
    const QRegularExpressionMatch gpus = gpuCount.match(job.allocatedResources);
    if (gpus.hasMatch() && gpus.captured(1).toInt() > 0)
        verdicts.append({Verdict::Gpu, Verdict::Note,
                         Tr::tr("GPU use is not known: the scheduler keeps no GPU figures for this job.")});
    verdicts.append(time(job.elapsedSeconds, job.timeLimitSeconds, job.endTime.isValid()));
    return verdicts;
}

} // namespace app
