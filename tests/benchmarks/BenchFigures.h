// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// What every benchmark program measures its figures with: the median of runs, the process's memory
// as the kernel and malloc see it, and how a goal reads. Printed figures only, never assertions.

#include <QByteArray>
#include <QFile>
#include <QList>

#include <algorithm>
#include <malloc.h>

namespace bench {

// The middle value (the mean of the two middle ones for an even count); 0 for none.
inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::ranges::sort(values);
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// "VmHWM:" (peak resident set) or "VmRSS:" of this process, in MiB; -1 when /proc does not say.
inline double statusMiB(const char *key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qstrlen(key) + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// The heap in use, in MiB: malloc's small blocks and its mmap'ed large ones.
inline double heapMiB()
{
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

inline const char *verdict(bool ok)
{
    return ok ? "met" : "NOT met";
}

} // namespace bench
