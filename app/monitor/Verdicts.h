// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/monitor/MonitorSamples.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace app {

struct JobAccounting;

// One plain sentence under the Monitor's charts: what a job used, and what to ask for next time.
struct Verdict
{
    enum Kind { Cpu, Memory, Time, Gpu };
    // Good: the request fitted. Note: worth knowing (a figure missing, a request somewhat large).
    // Warning: most of the request went unused, or the job ran into its limit.
    enum Severity { Good, Note, Warning };

    Kind kind = Cpu;
    Severity severity = Note;
    QString text;

    bool operator==(const Verdict &) const = default;
};

// The words the seed's lesson ends with ("GPU utilisation never went over 48 %", "about 6 of the 6
// cores were busy", "memory peaked at 3.1 of 55 GiB: ask for 8 GiB next time"), from a job's samples
// or from accounting's totals. Pure functions; numbers in the default QLocale, sentences translated
// in the "app::Verdicts" context.
//
// What to ask for next time leaves room over what was used: memory the peak and half again (at
// least 256 MiB more: a 10-second sample misses short peaks, and the limit also counts the page
// cache), rounded up to 256 MiB, 512 MiB, 1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128… GiB; cores
// the average busy and a fifth again, rounded up; time the time used and half again, rounded up to
// 15 or 30 min, 1, 2, 4, 6, 8, 12, 24, 48, 72 h or whole days. Nothing is suggested while a job runs,
// nor when the suggestion is not below the request.
class Verdicts
{
public:
    // now: the end of a running job's elapsed time (its end time when it has one).
    static QList<Verdict> fromSamples(const JobFacts &facts, const JobSeries &job, const QList<GpuSeries> &gpus,
                                      const QDateTime &now);
    // For a finished job without samples: accounting's CPU, memory and time figures.
    static QList<Verdict> fromAccounting(const JobAccounting &job);

    // The parts, for charts' captions and tests.
    static Verdict cpu(std::optional<double> averageBusy, std::optional<int> allocated, bool finished,
                       const QString &missingWhy);
    static Verdict memory(std::optional<qint64> peakBytes, std::optional<qint64> limitBytes, bool finished,
                          const QString &missingWhy);
    static Verdict time(std::optional<qint64> usedSeconds, std::optional<qint64> limitSeconds, bool finished);
    static QList<Verdict> gpu(const QList<GpuSeries> &gpus, std::optional<int> allocatedGpus);

    static qint64 suggestedMemoryBytes(qint64 peakBytes);
    static int suggestedCores(double averageBusy);
    static qint64 suggestedSeconds(qint64 usedSeconds);
    // "3.1 GiB", "300 MiB", "55 GiB": one decimal under 10, none from 10.
    static QString bytesText(qint64 bytes);
    // "1 h 10 min", "24 h", "45 min", "30 s", "3 d 4 h".
    static QString durationText(qint64 seconds);
};

} // namespace app
