// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/monitor/Usage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

// Reads the lines of NvidiaSmi::samplingCommand as they arrive over the session, in chunks cut
// anywhere: each feed() returns the readings its complete lines give and keeps the partial last line
// for the next. A line that cannot be read (wrong number of fields, a number that is not one, a
// message such as "No devices were found") is skipped and counted, never thrown.

namespace app {

class NvidiaSmiStream
{
public:
    QList<GpuReading> feed(QByteArrayView chunk);
    // The stream ended: a last line without its newline is read too.
    QList<GpuReading> finish();

    int damagedLines() const { return m_damaged; }
    // The last line skipped, as nvidia-smi printed it (at most 200 bytes), for a message.
    QString lastDamagedLine() const { return m_lastDamaged; }

    // One line of samplingCommand's output; nullopt if it cannot be read.
    static std::optional<GpuReading> parseLine(QByteArrayView line);

private:
    void take(QByteArrayView line, QList<GpuReading> *readings);

    QByteArray m_pending;
    int m_damaged = 0;
    QString m_lastDamaged;
};

} // namespace app
