// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/monitor/NvidiaSmi.h"

#include <QCoreApplication>
#include <QHash>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <cmath>

using namespace Qt::StringLiterals;
using sshcore::failure;
using sshcore::Result;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::NvidiaSmi)
};

// The columns GpuReading takes, by nvidia-smi's field names (and their other spellings).
enum class Column {
    Timestamp,
    Index,
    Uuid,
    Name,
    BusId,
    Utilisation,
    MemoryUtilisation,
    MemoryUsed,
    MemoryTotal,
    Power,
    Temperature,
    Other
};

Column columnNamed(QByteArrayView name)
{
    static const QHash<QByteArray, Column> columns{
        {"timestamp", Column::Timestamp},
        {"index", Column::Index},
        {"uuid", Column::Uuid},
        {"gpu_uuid", Column::Uuid},
        {"name", Column::Name},
        {"gpu_name", Column::Name},
        {"pci.bus_id", Column::BusId},
        {"gpu_bus_id", Column::BusId},
        {"utilization.gpu", Column::Utilisation},
        {"utilization.memory", Column::MemoryUtilisation},
        {"memory.used", Column::MemoryUsed},
        {"memory.total", Column::MemoryTotal},
        {"power.draw", Column::Power},
        {"temperature.gpu", Column::Temperature},
    };
    return columns.value(name.trimmed().toByteArray(), Column::Other);
}

QByteArrayView unitOf(Column column)
{
    switch (column) {
    case Column::Utilisation:
    case Column::MemoryUtilisation: return "%";
    case Column::MemoryUsed:
    case Column::MemoryTotal: return "MiB";
    case Column::Power: return "W";
    case Column::Temperature: return "C";
    default: return {};
    }
}

QList<QByteArrayView> lines(QByteArrayView text)
{
    QList<QByteArrayView> result;
    while (!text.isEmpty()) {
        qsizetype end = text.indexOf('\n');
        QByteArrayView line = end < 0 ? text : text.first(end);
        text = end < 0 ? QByteArrayView() : text.sliced(end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.trimmed().isEmpty())
            result.append(line);
    }
    return result;
}

QList<QByteArrayView> fields(QByteArrayView line)
{
    QList<QByteArrayView> result;
    for (;;) {
        const qsizetype comma = line.indexOf(',');
        result.append((comma < 0 ? line : line.first(comma)).trimmed());
        if (comma < 0)
            return result;
        line = line.sliced(comma + 1);
    }
}

// "memory.used [MiB]" → name and unit.
std::pair<QByteArrayView, QByteArrayView> headerColumn(QByteArrayView text)
{
    const qsizetype open = text.indexOf('[');
    if (open < 0 || !text.endsWith(']'))
        return {text.trimmed(), {}};
    return {text.first(open).trimmed(), text.sliced(open + 1, text.size() - open - 2).trimmed()};
}

std::optional<qint64> bytesPer(QByteArrayView unit)
{
    if (unit == "MiB")
        return qint64(1) << 20;
    if (unit == "KiB")
        return qint64(1) << 10;
    if (unit == "GiB")
        return qint64(1) << 30;
    if (unit == "B")
        return 1;
    return std::nullopt;
}

// Puts one value into a reading; false if it cannot be read (a damaged row).
bool put(GpuReading *reading, Column column, QByteArrayView value, QByteArrayView unit)
{
    bool damaged = false;
    switch (column) {
    case Column::Timestamp:
        if (!NvidiaSmi::isNotAvailable(value)) {
            reading->time = NvidiaSmi::timestamp(value);
            damaged = !reading->time.isValid();
        }
        break;
    case Column::Index: {
        bool ok = false;
        reading->index = value.toInt(&ok);
        damaged = !ok || reading->index < 0;
        break;
    }
    case Column::Uuid: reading->uuid = NvidiaSmi::isNotAvailable(value) ? QString() : QString::fromUtf8(value); break;
    case Column::Name: reading->name = NvidiaSmi::isNotAvailable(value) ? QString() : QString::fromUtf8(value); break;
    case Column::BusId: reading->busId = NvidiaSmi::isNotAvailable(value) ? QString() : QString::fromUtf8(value); break;
    case Column::Utilisation: reading->utilisationPercent = NvidiaSmi::number(value, unit, &damaged); break;
    case Column::MemoryUtilisation: reading->memoryUtilisationPercent = NvidiaSmi::number(value, unit, &damaged); break;
    case Column::MemoryUsed: reading->memoryUsedBytes = NvidiaSmi::memory(value, unit, &damaged); break;
    case Column::MemoryTotal: reading->memoryTotalBytes = NvidiaSmi::memory(value, unit, &damaged); break;
    case Column::Power: reading->powerWatts = NvidiaSmi::number(value, unit, &damaged); break;
    case Column::Temperature: reading->temperatureCelsius = NvidiaSmi::number(value, unit, &damaged); break;
    case Column::Other: break;
    }
    return !damaged;
}

} // namespace

QStringList NvidiaSmi::queryFields()
{
    return {QStringLiteral("timestamp"),
            QStringLiteral("index"),
            QStringLiteral("uuid"),
            QStringLiteral("name"),
            QStringLiteral("pci.bus_id"),
            QStringLiteral("utilization.gpu"),
            QStringLiteral("utilization.memory"),
            QStringLiteral("memory.used"),
            QStringLiteral("memory.total"),
            QStringLiteral("power.draw"),
            QStringLiteral("temperature.gpu")};
}

QByteArray NvidiaSmi::samplingCommand(int intervalSeconds)
{
    return "env TZ=UTC nvidia-smi --query-gpu=" + queryFields().join(u',').toLatin1()
           + " --format=csv,noheader,nounits -l " + QByteArray::number(std::max(1, intervalSeconds));
}

bool NvidiaSmi::isNotAvailable(QByteArrayView text)
{
    text = text.trimmed();
    return text.isEmpty() || text == "N/A" || (text.startsWith('[') && text.endsWith(']'));
}

std::optional<double> NvidiaSmi::number(QByteArrayView text, QByteArrayView unit, bool *damaged)
{
    text = text.trimmed();
    if (isNotAvailable(text))
        return std::nullopt;
    QByteArrayView digits = text;
    const qsizetype space = text.lastIndexOf(' ');
    if (space >= 0) {
        // A value with its unit: only the expected one is read, any other is not guessed at.
        if (text.sliced(space + 1) != unit || unit.isEmpty())
            return std::nullopt;
        digits = text.first(space).trimmed();
    } else if (!unit.isEmpty() && text.endsWith(unit) && text.size() > unit.size()) {
        digits = text.first(text.size() - unit.size()); // "41C", "100%"
    }
    bool ok = false;
    const double value = digits.toDouble(&ok);
    if (!ok || !std::isfinite(value)) {
        *damaged = true;
        return std::nullopt;
    }
    return value;
}

std::optional<qint64> NvidiaSmi::memory(QByteArrayView text, QByteArrayView unit, bool *damaged)
{
    // A unit nvidia-smi does not print memory in is never misread as MiB.
    const auto scale = bytesPer(unit);
    const auto value = scale ? number(text, unit, damaged) : std::nullopt;
    if (!value)
        return std::nullopt;
    const double bytes = *value * double(*scale);
    if (bytes < 0 || bytes > 9.0e18) {
        *damaged = true;
        return std::nullopt;
    }
    return qint64(std::llround(bytes));
}

QDateTime NvidiaSmi::timestamp(QByteArrayView text)
{
    const QString string = QString::fromLatin1(text.trimmed());
    QDateTime time = QDateTime::fromString(string, QStringLiteral("yyyy/MM/dd HH:mm:ss.zzz"));
    if (!time.isValid())
        time = QDateTime::fromString(string, QStringLiteral("yyyy/MM/dd HH:mm:ss"));
    if (!time.isValid())
        return {};
    return QDateTime(time.date(), time.time(), QTimeZone::UTC);
}

Result<NvidiaSmiReadings> NvidiaSmi::parseCsv(QByteArrayView output)
{
    const QList<QByteArrayView> rows = lines(output);
    if (rows.isEmpty())
        return failure(sshcore::ErrorKind::Malformed, Tr::tr("nvidia-smi printed nothing."));
    struct HeaderColumn
    {
        Column column;
        QByteArrayView unit;
    };
    QList<HeaderColumn> header;
    bool identifies = false;
    for (QByteArrayView text : fields(rows.first())) {
        const auto [name, unit] = headerColumn(text);
        Column column = columnNamed(name);
        identifies = identifies || column == Column::Index || column == Column::Uuid || column == Column::BusId;
        // A figure in a unit other than nvidia-smi's own is left out rather than misread.
        const bool isMemory = column == Column::MemoryUsed || column == Column::MemoryTotal;
        if (!unit.isEmpty() && (isMemory ? !bytesPer(unit) : unit != unitOf(column)))
            column = Column::Other;
        // Temperatures have no unit in the header; their values may carry " C" in other outputs.
        header.append({column, unit.isEmpty() ? unitOf(column) : unit});
    }
    if (!identifies) {
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("nvidia-smi's output does not start with a header naming each GPU's index, UUID or bus "
                              "id (\"%1\").")
                           .arg(QString::fromUtf8(rows.first().first(std::min<qsizetype>(rows.first().size(), 120)))));
    }
    NvidiaSmiReadings result;
    for (qsizetype row = 1; row < rows.size(); ++row) {
        const QList<QByteArrayView> values = fields(rows[row]);
        GpuReading reading;
        bool ok = values.size() == header.size();
        for (qsizetype i = 0; ok && i < values.size(); ++i)
            ok = put(&reading, header[i].column, values[i], header[i].unit);
        if (ok)
            result.readings.append(reading);
        else
            ++result.damaged;
    }
    return result;
}

Result<QList<GpuReading>> NvidiaSmi::parseXml(QByteArrayView output)
{
    QXmlStreamReader xml(output);
    QList<GpuReading> gpus;
    QDateTime documentTime;
    QStringList path; // element names below <gpu>, while inside one
    bool inLog = false;
    bool inGpu = false;
    bool damaged = false;
    std::optional<double> powerDraw, averagePower, instantPower;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QStringView name = xml.name();
            if (!inLog) {
                if (name != u"nvidia_smi_log")
                    return failure(sshcore::ErrorKind::Malformed, Tr::tr("This is not nvidia-smi's XML output."));
                inLog = true;
            } else if (!inGpu && name == u"gpu") {
                inGpu = true;
                path.clear();
                GpuReading reading;
                reading.index = int(gpus.size());
                reading.time = documentTime;
                reading.busId = xml.attributes().value(u"id").toString();
                gpus.append(reading);
                powerDraw = averagePower = instantPower = std::nullopt;
            } else if (!inGpu && name == u"timestamp") {
                // "Fri Aug  4 11:44:30 2023": the zone is the node's, read as UTC like the CSV's.
                const QString text = xml.readElementText().simplified();
                const QDateTime time = QDateTime::fromString(text, QStringLiteral("ddd MMM d HH:mm:ss yyyy"));
                if (time.isValid())
                    documentTime = QDateTime(time.date(), time.time(), QTimeZone::UTC);
            } else if (inGpu) {
                path.append(name.toString());
                const QString where = path.join(u'/');
                static const QStringList leaves{
                    u"product_name"_s,
                    u"uuid"_s,
                    u"pci/pci_bus_id"_s,
                    u"fb_memory_usage/used"_s,
                    u"fb_memory_usage/total"_s,
                    u"utilization/gpu_util"_s,
                    u"utilization/memory_util"_s,
                    u"temperature/gpu_temp"_s,
                    u"gpu_power_readings/power_draw"_s,
                    u"power_readings/power_draw"_s,
                    u"gpu_power_readings/average_power_draw"_s,
                    u"gpu_power_readings/instant_power_draw"_s,
                };
                if (!leaves.contains(where))
                    continue;
                const QByteArray text = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed().toUtf8();
                path.removeLast(); // readElementText consumed the end element
                GpuReading &gpu = gpus.last();
                if (where == u"product_name")
                    gpu.name = QString::fromUtf8(text);
                else if (where == u"uuid")
                    gpu.uuid = QString::fromUtf8(text);
                else if (where == u"pci/pci_bus_id" && !isNotAvailable(text))
                    gpu.busId = QString::fromUtf8(text);
                else if (where == u"fb_memory_usage/used")
                    gpu.memoryUsedBytes = memory(text, "MiB", &damaged);
                else if (where == u"fb_memory_usage/total")
                    gpu.memoryTotalBytes = memory(text, "MiB", &damaged);
                else if (where == u"utilization/gpu_util")
                    gpu.utilisationPercent = number(text, "%", &damaged);
                else if (where == u"utilization/memory_util")
                    gpu.memoryUtilisationPercent = number(text, "%", &damaged);
                else if (where == u"temperature/gpu_temp")
                    gpu.temperatureCelsius = number(text, "C", &damaged);
                else if (where.endsWith(u"/power_draw"))
                    powerDraw = number(text, "W", &damaged);
                else if (where.endsWith(u"/average_power_draw"))
                    averagePower = number(text, "W", &damaged);
                else
                    instantPower = number(text, "W", &damaged);
                // Newer drivers give an average and an instant figure instead of power_draw.
                gpu.powerWatts = powerDraw ? powerDraw : averagePower ? averagePower : instantPower;
            }
        } else if (token == QXmlStreamReader::EndElement && inGpu) {
            if (path.isEmpty())
                inGpu = false; // </gpu>
            else
                path.removeLast();
        }
    }
    if (xml.hasError()) {
        return failure(sshcore::ErrorKind::Malformed, Tr::tr("nvidia-smi's XML output cannot be read (line %1: %2).")
                                                          .arg(xml.lineNumber())
                                                          .arg(xml.errorString()));
    }
    if (!inLog)
        return failure(sshcore::ErrorKind::Malformed, Tr::tr("This is not nvidia-smi's XML output."));
    // A figure that is not a number stays empty (damaged); the rest of the document is good.
    return gpus;
}

} // namespace app
