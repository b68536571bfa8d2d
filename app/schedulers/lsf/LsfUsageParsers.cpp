// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/lsf/LsfUsageParsers.h"

#include "app/schedulers/ResourceUnits.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using sshcore::failure;
using sshcore::Result;

namespace app::lsf {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::lsf)
};

// {"COMMAND":"bjobs","JOBS":n,"RECORDS":[{...}]} (bhosts: "HOSTS"): the records, checked against
// the count the tool announces.
Result<QList<QJsonObject>> recordsOf(QByteArrayView output, QLatin1StringView tool, QLatin1StringView countName)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(output.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("%1 printed JSON that clusterdesk cannot read (%2 at character %3).")
                           .arg(tool, error.errorString())
                           .arg(error.offset));
    const QJsonObject root = document.object();
    const QJsonArray array = root.value(u"RECORDS").toArray();
    if (!root.value(u"RECORDS").isArray()
        || (root.contains(countName) && root.value(countName).toInt(-1) != array.size()))
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("%1 printed JSON without the records it announced.").arg(tool));
    QList<QJsonObject> records;
    for (const QJsonValue &value : array) {
        if (!value.isObject())
            return failure(sshcore::ErrorKind::Malformed,
                           Tr::tr("%1 listed something that is not a record.").arg(tool));
        records.append(value.toObject());
    }
    return records;
}

QString field(const QJsonObject &record, QLatin1StringView name)
{
    const QString value = record.value(name).toString().trimmed();
    return value == u"-" ? QString() : value;
}

// "00:00:01" (-hms), "1 second(s)", "0.3 second(s)".
std::optional<double> secondsOf(const QString &text)
{
    static const QRegularExpression seconds(QStringLiteral("^([\\d.]+) second\\(s\\)$"));
    if (const auto match = seconds.match(text); match.hasMatch())
        return match.captured(1).toDouble();
    return text.contains(u':') ? units::parseDuration(text) : std::nullopt;
}

// "233 Mbytes", "1.8 Gbytes", "512 Kbytes"; with unitRequired, a bare number is no size.
std::optional<qint64> bytesOf(QString text, bool unitRequired)
{
    text.remove(QLatin1StringView("bytes"));
    text.remove(u' ');
    if (text.isEmpty() || (unitRequired && !text.back().isLetter()))
        return std::nullopt;
    return units::parseMemory(text, units::MiB);
}

} // namespace

QByteArray usageFields()
{
    return QByteArrayLiteral("jobid stat cpu_used mem max_mem run_time nalloc_slot memlimit");
}

Result<QList<JobUsage>> parseUsage(QByteArrayView output)
{
    const auto records = recordsOf(output, QLatin1StringView("bjobs"), QLatin1StringView("JOBS"));
    if (!records)
        return failure(records.error());
    QList<JobUsage> jobs;
    for (const QJsonObject &record : *records) {
        const QString state = field(record, QLatin1StringView("STAT"));
        if (record.contains(u"ERROR") || (state != u"RUN" && state != u"USUSP" && state != u"SSUSP"))
            continue;
        JobUsage usage;
        usage.jobId = field(record, QLatin1StringView("JOBID"));
        if (usage.jobId.isEmpty())
            return failure(sshcore::ErrorKind::Malformed, Tr::tr("bjobs listed a running job without its id."));
        usage.cpuSeconds = secondsOf(field(record, QLatin1StringView("CPU_USED")));
        if (const auto seconds = secondsOf(field(record, QLatin1StringView("RUN_TIME"))))
            usage.elapsedSeconds = qint64(*seconds);
        usage.rssBytes = bytesOf(field(record, QLatin1StringView("MEM")), false);
        usage.maxRssBytes = bytesOf(field(record, QLatin1StringView("MAX_MEM")), false);
        usage.memoryLimitBytes = bytesOf(field(record, QLatin1StringView("MEMLIMIT")), true);
        if (const int slotCount = field(record, QLatin1StringView("NALLOC_SLOT")).toInt(); slotCount > 0)
            usage.allocatedCpus = slotCount;
        jobs.append(usage);
    }
    return jobs;
}

Result<QList<PartitionUse>> parseHosts(QByteArrayView output)
{
    const auto records = recordsOf(output, QLatin1StringView("bhosts"), QLatin1StringView("HOSTS"));
    if (!records)
        return failure(records.error());
    PartitionUse cluster;
    for (const QJsonObject &record : *records) {
        const QString status = field(record, QLatin1StringView("STATUS"));
        if (status.isEmpty())
            return failure(sshcore::ErrorKind::Malformed,
                           Tr::tr("bhosts listed host \"%1\" without its status.")
                               .arg(field(record, QLatin1StringView("HOST_NAME")).left(60)));
        // "-": no slot limit, so no count of slots either.
        const int slotCount = std::max(0, field(record, QLatin1StringView("MAX")).toInt());
        const int reserved = std::clamp(field(record, QLatin1StringView("RSV")).toInt(), 0, slotCount);
        int used = std::clamp(field(record, QLatin1StringView("NJOBS")).toInt() - reserved, 0, slotCount - reserved);
        if (status == u"closed_Excl")
            used = slotCount - reserved;
        const bool available = status == u"ok" || status == u"closed_Full" || status == u"closed_Excl";
        cluster.nodes += 1;
        cluster.cpusAllocated += used;
        cluster.cpusUnavailable += reserved;
        (available ? cluster.cpusIdle : cluster.cpusUnavailable) += slotCount - reserved - used;
    }
    QList<PartitionUse> result;
    if (cluster.nodes > 0)
        result.append(cluster);
    return result;
}

} // namespace app::lsf
