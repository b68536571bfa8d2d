// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace app::units {

// Durations as schedulers write them: "[days-]hours:minutes:seconds", "minutes:seconds",
// "days-hours[:minutes]", "minutes" (Slurm's -t 90), with optional fractions of a second
// ("00:01.234", sacct's TotalCPU). Words like UNLIMITED, INVALID, N/A and an empty text give none.
std::optional<double> parseDuration(QStringView text);
std::optional<qint64> parseDurationSeconds(QStringView text);
// "1-02:03:04", "02:03:04", "00:00:07": Slurm's own spelling, which every scheduler here accepts.
QString formatDuration(qint64 seconds);
// "3 d 2 h", "2 h 5 min", "42 s": for people.
QString describeDuration(qint64 seconds);

// Amounts of memory: "4G", "500M", "4000Mc" (old sacct: per CPU), "8gb", "1.5T", "1024" (in
// defaultUnit bytes, e.g. MiB for Slurm's --mem). Binary units, as schedulers use them.
std::optional<qint64> parseMemory(QStringView text, qint64 defaultUnit);
// "4G", "512M": the largest unit that keeps the amount whole (Slurm's --mem spelling).
QString formatMemory(qint64 bytes);
// "3.9 GiB": for people.
QString describeMemory(qint64 bytes);

// Seconds since the epoch ("1732262400"), as printed with SLURM_TIME_FORMAT=%s, in UTC (show it
// with toLocalTime()); an invalid time for "N/A", "Unknown", "None", 0 or anything else.
QDateTime parseEpoch(QByteArrayView text);

// "Thu Jun 19 10:36:47 2025", "Tue Oct  4 21:23:20 2022": C's ctime(), as PBS and Grid Engine
// print times. Read as UTC: clusterdesk runs those commands with TZ=UTC, so that a time means the
// same on both ends whatever zones the cluster and the desktop are in. Invalid for anything else.
QDateTime parseCTime(QStringView text);

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;
constexpr qint64 GiB = 1024 * MiB;

} // namespace app::units
