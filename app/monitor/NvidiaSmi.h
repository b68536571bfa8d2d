// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/monitor/Usage.h"
#include "sshcore/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringList>

#include <optional>

// What nvidia-smi prints, read into GpuReading: the sampling command the app runs inside a job's
// allocation and the parsers of its three outputs. Pure: bytes in, readings out, no I/O.
//
// nvidia-smi prints its timestamps in the node's local time without saying which zone; the sampling
// command runs it with TZ=UTC, and every parser here reads them as UTC. A reading without a
// timestamp keeps an invalid time; the caller puts when it arrived.

namespace app {

// The readings of a whole output, and how many of its lines (or GPUs) could not be read.
struct NvidiaSmiReadings
{
    QList<GpuReading> readings;
    int damaged = 0;
};

class NvidiaSmi
{
public:
    // The --query-gpu fields the app asks for, in the order samplingCommand's lines give them.
    static QStringList queryFields();

    // `env TZ=UTC nvidia-smi --query-gpu=<queryFields> --format=csv,noheader,nounits -l N`: one line
    // per GPU every N seconds (at least 1) until killed. `env` makes it one argument vector, so it
    // can follow `srun ...` as well as a shell prompt.
    static QByteArray samplingCommand(int intervalSeconds);

    // `--format=csv` output with its header line (units in it or not, noheader not), columns found by
    // their header names, since NVIDIA documents the field order as not stable. Fails when there is no
    // header or it names neither index, uuid nor pci.bus_id; rows that cannot be read are counted.
    static sshcore::Result<NvidiaSmiReadings> parseCsv(QByteArrayView output);

    // `nvidia-smi -q -x`: one reading per <gpu>, its index its position in the document (nvidia-smi
    // lists GPUs in index order). Fails on XML that is not well formed or not nvidia-smi's.
    static sshcore::Result<QList<GpuReading>> parseXml(QByteArrayView output);

    // One value as nvidia-smi prints it, units or not: "[N/A]", "N/A", "[Not Supported]" and any other
    // bracketed word are nullopt; so is a unit other than the one expected ("19 GB" where MiB is).
    // A number that is not one sets *damaged.
    static std::optional<double> number(QByteArrayView text, QByteArrayView unit, bool *damaged);
    // Memory in bytes from a value in `unit` (MiB, KiB, GiB or B), as number() reads it.
    static std::optional<qint64> memory(QByteArrayView text, QByteArrayView unit, bool *damaged);
    // "2024/05/01 12:34:56.789" (milliseconds optional) as UTC; invalid if it is not one.
    static QDateTime timestamp(QByteArrayView text);
    // True for "[N/A]", "N/A", "[Not Supported]", "[Unknown Error]"... and an empty value.
    static bool isNotAvailable(QByteArrayView text);
};

} // namespace app
