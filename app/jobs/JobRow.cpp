// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobs/JobRow.h"

#include "app/jobs/JobListModel.h"
#include "app/schedulers/ResourceUnits.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <limits>
#include <optional>

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::JobListModel)
};

QString describeTime(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString describeOptionalDuration(const std::optional<qint64> &seconds)
{
    return seconds ? units::formatDuration(*seconds) : QString();
}

bool isWaiting(JobState state)
{
    return state == JobState::Pending || state == JobState::Held;
}

// Slurm's most common reasons in words; other schedulers' reasons are sentences already.
QString explainReason(const QString &reason)
{
    struct Explanation
    {
        const char *reason;
        const char *text;
    };
    static constexpr Explanation explanations[] = {
        {"Resources", QT_TRANSLATE_NOOP("app::JobListModel", "Waiting for nodes to become free.")},
        {"Priority", QT_TRANSLATE_NOOP("app::JobListModel", "Jobs with a higher priority are ahead of it.")},
        {"Dependency", QT_TRANSLATE_NOOP("app::JobListModel", "Waiting for the jobs it depends on.")},
        {"DependencyNeverSatisfied",
         QT_TRANSLATE_NOOP("app::JobListModel", "A job it depends on failed: it will never start. Cancel it.")},
        {"BeginTime", QT_TRANSLATE_NOOP("app::JobListModel", "It asked not to start before a given time.")},
        {"JobHeldUser", QT_TRANSLATE_NOOP("app::JobListModel", "Held by you: release it to let it start.")},
        {"JobHeldAdmin", QT_TRANSLATE_NOOP("app::JobListModel", "Held by an administrator.")},
        {"ReqNodeNotAvail", QT_TRANSLATE_NOOP("app::JobListModel", "A node it needs is down, drained or reserved.")},
        {"PartitionTimeLimit",
         QT_TRANSLATE_NOOP("app::JobListModel",
                           "Its time limit is longer than the partition allows: it will never start.")},
        {"QOSMaxJobsPerUserLimit",
         QT_TRANSLATE_NOOP("app::JobListModel", "You have as many jobs running as your QoS allows.")},
        {"AssocGrpGRES", QT_TRANSLATE_NOOP("app::JobListModel", "Your group uses all the GPUs it may.")},
        {"AssocGrpCpuLimit", QT_TRANSLATE_NOOP("app::JobListModel", "Your group uses all the CPUs it may.")},
    };
    for (const Explanation &e : explanations) {
        if (reason == QLatin1StringView(e.reason))
            //: %1: Slurm's reason code (such as AssocGrpGRES), %2: what it means
            return Tr::tr("%1: %2").arg(reason, Tr::tr(e.text));
    }
    return reason;
}

} // namespace

JobState JobRow::shownState() const
{
    if (stale && phase != Phase::Finished)
        return JobState::Unknown;
    switch (phase) {
    case Phase::Listed:
    case Phase::Finished: return job.state;
    case Phase::Vanished: return JobState::Completing;
    case Phase::Ended: return JobState::Unknown;
    }
    return JobState::Unknown;
}

QString JobRow::text(int column, const QDateTime &now) const
{
    switch (column) {
    case JobListModel::IdColumn: return job.id;
    case JobListModel::NameColumn: return job.name;
    case JobListModel::StateColumn:
        if (stale && phase != Phase::Finished)
            return jobStateName(JobState::Unknown);
        if (phase == Phase::Vanished)
            return Tr::tr("Finishing…");
        if (phase == Phase::Ended)
            return Tr::tr("Ended");
        return jobStateName(job.state);
    case JobListModel::PartitionColumn: return job.partition;
    case JobListModel::ElapsedColumn: return describeOptionalDuration(job.elapsedSeconds);
    case JobListModel::TimeLeftColumn:
        if (phase != Phase::Listed)
            return {};
        if (!job.timeLeftSeconds && !job.timeLimitSeconds)
            return Tr::tr("Unlimited");
        return describeOptionalDuration(job.timeLeftSeconds);
    case JobListModel::NodesColumn: return job.nodeCount > 0 ? QString::number(job.nodeCount) : QString();
    case JobListModel::CpusColumn: return job.cpuCount > 0 ? QString::number(job.cpuCount) : QString();
    case JobListModel::GpusColumn: {
        const int gpus = gpuCount(job);
        return gpus > 0 ? QString::number(gpus) : QString();
    }
    case JobListModel::WhereColumn: return isWaiting(job.state) ? job.reason : job.nodeList;
    case JobListModel::StartColumn:
        if (!job.startTime.isValid())
            return {};
        if (job.startTime > now)
            return Tr::tr("in %1").arg(units::describeDuration(now.secsTo(job.startTime)));
        return describeTime(job.startTime);
    case JobListModel::SubmittedColumn: return job.submitTime.isValid() ? describeTime(job.submitTime) : QString();
    default: return {};
    }
}

QString JobRow::toolTip(int column, const QString &staleReason) const
{
    const QString lastState = jobStateName(job.state);
    switch (column) {
    case JobListModel::IdColumn: {
        QStringList lines{job.id};
        if (!job.arrayJobId.isEmpty())
            lines << Tr::tr("Task %1 of array job %2").arg(job.arrayTaskId, job.arrayJobId);
        if (!job.user.isEmpty())
            lines << Tr::tr("User: %1").arg(job.user);
        if (!job.account.isEmpty())
            lines << Tr::tr("Account: %1").arg(job.account);
        if (!job.qos.isEmpty())
            lines << Tr::tr("QoS: %1").arg(job.qos);
        if (!job.memory.isEmpty())
            lines << Tr::tr("Memory: %1").arg(job.memory);
        if (!job.workDirectory.isEmpty())
            lines << Tr::tr("Working directory: %1").arg(job.workDirectory);
        return lines.join(u'\n');
    }
    case JobListModel::StateColumn:
        if (stale && phase != Phase::Finished)
            return Tr::tr("The scheduler could not be asked, so its state is not known: %1\nLast known state: %2")
                .arg(staleReason, phase == Phase::Listed ? lastState : text(column, {}));
        switch (phase) {
        case Phase::Vanished:
            return Tr::tr("No longer in the queue; waiting for accounting to say how it ended.\nLast state seen: %1")
                .arg(lastState);
        case Phase::Ended:
            return Tr::tr("No longer in the queue. How it ended is not known: %1\nLast state seen: %2")
                .arg(note, lastState);
        case Phase::Finished: {
            QString tip = lastState;
            if (!exitCode.isEmpty())
                tip += u'\n' + Tr::tr("Exit code: %1").arg(exitCode);
            if (job.endTime.isValid())
                tip += u'\n' + Tr::tr("Ended: %1").arg(describeTime(job.endTime));
            if (!note.isEmpty())
                tip += u'\n' + note;
            return tip;
        }
        case Phase::Listed:
            return job.reason.isEmpty() ? job.stateText : job.stateText + u'\n' + explainReason(job.reason);
        }
        return {};
    case JobListModel::ElapsedColumn:
        if (job.elapsedSeconds && job.timeLimitSeconds)
            return Tr::tr("%1 of %2")
                .arg(units::describeDuration(*job.elapsedSeconds), units::describeDuration(*job.timeLimitSeconds));
        return job.elapsedSeconds ? units::describeDuration(*job.elapsedSeconds) : QString();
    case JobListModel::TimeLeftColumn:
        return job.timeLimitSeconds ? Tr::tr("Time limit: %1").arg(units::formatDuration(*job.timeLimitSeconds))
                                    : Tr::tr("No time limit");
    case JobListModel::GpusColumn: return job.gres;
    case JobListModel::WhereColumn: return isWaiting(job.state) ? explainReason(job.reason) : job.nodeList;
    case JobListModel::StartColumn:
        if (!job.startTime.isValid())
            return isWaiting(job.state) ? Tr::tr("The scheduler has no estimate of when it will start.") : QString();
        return (isWaiting(job.state) ? Tr::tr("Expected to start: %1") : Tr::tr("Started: %1"))
            .arg(describeTime(job.startTime));
    case JobListModel::SubmittedColumn: return job.submitTime.isValid() ? describeTime(job.submitTime) : QString();
    default: return text(column, QDateTime::currentDateTimeUtc());
    }
}

std::optional<qint64> JobRow::numericSortKey(int column) const
{
    constexpr qint64 Never = std::numeric_limits<qint64>::max();
    switch (column) {
    case JobListModel::IdColumn: return idKey;
    case JobListModel::StateColumn: return int(shownState());
    case JobListModel::ElapsedColumn: return job.elapsedSeconds.value_or(-1);
    case JobListModel::TimeLeftColumn:
        if (phase != Phase::Listed)
            return -1;
        return job.timeLeftSeconds.value_or(job.timeLimitSeconds ? -1 : Never);
    case JobListModel::NodesColumn: return job.nodeCount;
    case JobListModel::CpusColumn: return job.cpuCount;
    case JobListModel::GpusColumn: return gpuCount(job);
    case JobListModel::StartColumn: return job.startTime.isValid() ? job.startTime.toSecsSinceEpoch() : Never;
    case JobListModel::SubmittedColumn: return job.submitTime.isValid() ? job.submitTime.toSecsSinceEpoch() : 0;
    default: return std::nullopt;
    }
}

QVariant JobRow::sortKey(int column) const
{
    if (const std::optional<qint64> number = numericSortKey(column))
        return *number;
    return text(column, {});
}

JobRow::SortKey JobRow::typedSortKey(int column) const
{
    if (const std::optional<qint64> number = numericSortKey(column))
        return {*number, {}};
    return {0, text(column, {})};
}

Qt::Alignment JobRow::alignment(int column)
{
    switch (column) {
    case JobListModel::ElapsedColumn:
    case JobListModel::TimeLeftColumn:
    case JobListModel::NodesColumn:
    case JobListModel::CpusColumn:
    case JobListModel::GpusColumn: return Qt::AlignRight | Qt::AlignVCenter;
    default: return Qt::AlignLeft | Qt::AlignVCenter;
    }
}

std::pair<int, int> JobRow::changedColumns(const Job &a, const Job &b)
{
    int first = -1;
    int last = -1;
    const auto mark = [&](int column, bool changed) {
        if (!changed)
            return;
        if (first < 0)
            first = column;
        last = column;
    };
    // In column order, so first and last come out right.
    mark(JobListModel::IdColumn,
         a.id != b.id || a.arrayJobId != b.arrayJobId || a.arrayTaskId != b.arrayTaskId || a.user != b.user
             || a.account != b.account || a.qos != b.qos || a.memory != b.memory || a.workDirectory != b.workDirectory
             || a.standardOutput != b.standardOutput || a.standardError != b.standardError || a.endTime != b.endTime);
    mark(JobListModel::NameColumn, a.name != b.name);
    mark(JobListModel::StateColumn, a.state != b.state || a.stateText != b.stateText || a.reason != b.reason);
    mark(JobListModel::PartitionColumn, a.partition != b.partition);
    mark(JobListModel::ElapsedColumn, a.elapsedSeconds != b.elapsedSeconds || a.timeLimitSeconds != b.timeLimitSeconds);
    mark(JobListModel::TimeLeftColumn,
         a.timeLeftSeconds != b.timeLeftSeconds || a.timeLimitSeconds != b.timeLimitSeconds);
    mark(JobListModel::NodesColumn, a.nodeCount != b.nodeCount);
    mark(JobListModel::CpusColumn, a.cpuCount != b.cpuCount);
    mark(JobListModel::GpusColumn, a.gres != b.gres || a.nodeCount != b.nodeCount);
    mark(JobListModel::WhereColumn, a.nodeList != b.nodeList || a.reason != b.reason || a.state != b.state);
    mark(JobListModel::StartColumn, a.startTime != b.startTime || a.state != b.state);
    mark(JobListModel::SubmittedColumn, a.submitTime != b.submitTime);
    return {first, last};
}

int JobRow::gpuCount(const Job &job)
{
    int perNode = 0;
    for (QStringView entry : QStringView(job.gres).split(u',')) {
        entry = entry.trimmed();
        if (const qsizetype paren = entry.indexOf(u'('); paren >= 0)
            entry = entry.first(paren); // "gpu:2(IDX:0-1)"
        if (entry.startsWith(u"gres/") || entry.startsWith(u"gres:"))
            entry = entry.sliced(5);
        const auto separator = std::ranges::find_if(entry, [](QChar c) { return c == u':' || c == u'='; });
        const qsizetype nameEnd = separator == entry.end() ? -1 : separator - entry.begin();
        const QStringView name = nameEnd < 0 ? entry : entry.first(nameEnd);
        if (name != u"gpu" && name != u"ngpus")
            continue;
        if (nameEnd < 0) {
            perNode += 1;
            continue;
        }
        const qsizetype countStart = std::max(entry.lastIndexOf(u':'), entry.lastIndexOf(u'='));
        bool ok = false;
        const int count = entry.sliced(countStart + 1).toInt(&ok);
        perNode += ok ? count : 1; // "gpu:a100" asks for one
    }
    return perNode * std::max(1, job.nodeCount);
}

qint64 JobRow::idSortKey(QStringView id)
{
    // base id, then the task (the first index of a range), then ranges after the task they start at
    qsizetype i = 0;
    qint64 base = 0;
    while (i < id.size() && id[i].isDigit() && base < (qint64(1) << 40))
        base = base * 10 + id[i++].digitValue();
    while (i < id.size() && !id[i].isDigit())
        ++i;
    qint64 task = 0;
    while (i < id.size() && id[i].isDigit() && task < (1 << 20) - 1)
        task = task * 10 + id[i++].digitValue();
    const bool range = id.contains(u"_[");
    return (base << 22) | (std::min<qint64>(task, (1 << 20) - 1) << 1) | (range ? 1 : 0);
}

} // namespace app
