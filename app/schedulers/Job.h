// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace app {

// Where a job is in its life, in words common to every scheduler. Unknown is what a job is when the
// scheduler could not be asked (a timeout, a failed query): never taken for finished.
enum class JobState {
    Unknown,
    Pending,
    Held,
    Running,
    Suspended,
    Completing,
    Completed,
    Failed,
    Cancelled,
    TimedOut,
    OutOfMemory,
    NodeFailed,
    Preempted,
};

QString jobStateName(JobState state);
// Finished for good: the job will not run again and its outputs are final.
bool isFinished(JobState state);

// One job (or one task of an array job) as the scheduler lists it.
struct Job
{
    QString id;          // what commands take: "1234", "1234_7", "1234_[8-20%2]", "1234.server", "1234[7]"
    QString arrayJobId;  // the array's own id ("1234"); empty for a plain job
    QString arrayTaskId; // "7", or the still pending range "[8-20%2]"
    QString name;
    QString user;
    QString partition; // or queue
    QString account;
    QString qos;
    JobState state = JobState::Unknown;
    QString stateText; // the scheduler's own word: "PENDING", "R", "PEND"
    QString reason;    // why it is pending or held; empty when none
    std::optional<qint64> elapsedSeconds;
    std::optional<qint64> timeLimitSeconds; // none: unlimited or not given
    std::optional<qint64> timeLeftSeconds;
    int nodeCount = 0;
    int cpuCount = 0;
    QString memory;   // as requested, in the scheduler's words ("4G", "8gb")
    QString gres;     // generic resources ("gres/gpu:2", "ngpus=1")
    QString nodeList; // "node[01-04]" while running
    QDateTime submitTime;
    QDateTime startTime; // actual, or expected while pending (invalid when the scheduler has no estimate)
    QDateTime endTime;
    QString workDirectory;
    QString standardOutput; // paths as the scheduler reports them (patterns may be expanded already)
    QString standardError;

    bool operator==(const Job &) const = default;
};

} // namespace app

Q_DECLARE_METATYPE(app::Job)
