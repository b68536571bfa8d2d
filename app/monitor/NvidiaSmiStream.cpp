// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/monitor/NvidiaSmiStream.h"

#include "app/monitor/NvidiaSmi.h"

namespace app {

namespace {

// A line longer than this without a newline is not nvidia-smi's: it is dropped, not kept growing.
constexpr qsizetype LongestLine = 64 * 1024;
constexpr qsizetype FieldCount = 11; // NvidiaSmi::queryFields()

} // namespace

std::optional<GpuReading> NvidiaSmiStream::parseLine(QByteArrayView line)
{
    QByteArrayView f[FieldCount];
    qsizetype count = 0;
    for (;;) {
        const qsizetype comma = line.indexOf(',');
        if (count == FieldCount)
            return std::nullopt;
        f[count++] = (comma < 0 ? line : line.first(comma)).trimmed();
        if (comma < 0)
            break;
        line = line.sliced(comma + 1);
    }
    if (count != FieldCount)
        return std::nullopt;

    GpuReading reading;
    bool damaged = false;
    reading.time = NvidiaSmi::timestamp(f[0]);
    bool ok = false;
    reading.index = f[1].toInt(&ok);
    if (!reading.time.isValid() || !ok || reading.index < 0)
        return std::nullopt;
    auto text = [](QByteArrayView value) {
        return NvidiaSmi::isNotAvailable(value) ? QString() : QString::fromUtf8(value);
    };
    reading.uuid = text(f[2]);
    reading.name = text(f[3]);
    reading.busId = text(f[4]);
    reading.utilisationPercent = NvidiaSmi::number(f[5], "%", &damaged);
    reading.memoryUtilisationPercent = NvidiaSmi::number(f[6], "%", &damaged);
    reading.memoryUsedBytes = NvidiaSmi::memory(f[7], "MiB", &damaged);
    reading.memoryTotalBytes = NvidiaSmi::memory(f[8], "MiB", &damaged);
    reading.powerWatts = NvidiaSmi::number(f[9], "W", &damaged);
    reading.temperatureCelsius = NvidiaSmi::number(f[10], "C", &damaged);
    if (damaged)
        return std::nullopt;
    return reading;
}

void NvidiaSmiStream::take(QByteArrayView line, QList<GpuReading> *readings)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.trimmed().isEmpty())
        return;
    if (const auto reading = parseLine(line)) {
        readings->append(*reading);
        return;
    }
    ++m_damaged;
    m_lastDamaged = QString::fromUtf8(line.first(std::min<qsizetype>(line.size(), 200)));
}

QList<GpuReading> NvidiaSmiStream::feed(QByteArrayView chunk)
{
    QList<GpuReading> readings;
    while (!chunk.isEmpty()) {
        const qsizetype newline = chunk.indexOf('\n');
        if (newline < 0) {
            m_pending.append(chunk);
            if (m_pending.size() > LongestLine) {
                take(m_pending, &readings); // counted as damaged
                m_pending.clear();
            }
            break;
        }
        if (m_pending.isEmpty()) {
            take(chunk.first(newline), &readings);
        } else {
            m_pending.append(chunk.first(newline));
            take(m_pending, &readings);
            m_pending.clear();
        }
        chunk = chunk.sliced(newline + 1);
    }
    return readings;
}

QList<GpuReading> NvidiaSmiStream::finish()
{
    QList<GpuReading> readings;
    take(m_pending, &readings);
    m_pending.clear();
    return readings;
}

} // namespace app
