// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/AllocationProgress.h"

namespace app {

namespace {

// Skips the escape sequence that starts at output[i] (ESC); returns the index after it.
qsizetype skipEscape(QByteArrayView output, qsizetype i)
{
    const qsizetype size = output.size();
    if (i + 1 >= size)
        return size;
    const char kind = output[i + 1];
    if (kind == '[') { // CSI: parameters, then one final byte in 0x40..0x7e
        qsizetype j = i + 2;
        while (j < size
               && (static_cast<unsigned char>(output[j]) < 0x40 || static_cast<unsigned char>(output[j]) > 0x7e))
            ++j;
        return std::min(size, j + 1);
    }
    if (kind == ']') { // OSC: up to BEL or ESC backslash
        for (qsizetype j = i + 2; j < size; ++j) {
            if (output[j] == '\a')
                return j + 1;
            if (output[j] == '\x1b' && j + 1 < size && output[j + 1] == '\\')
                return j + 2;
        }
        return size;
    }
    return i + 2; // a two-byte sequence (ESC =, ESC 7, ...)
}

} // namespace

QStringList terminalLines(QByteArrayView output)
{
    QStringList lines;
    QByteArray line;
    for (qsizetype i = 0; i < output.size();) {
        const char c = output[i];
        if (c == '\x1b') {
            i = skipEscape(output, i);
            continue;
        }
        if (c == '\r' || c == '\n') {
            const QString text = QString::fromUtf8(line).trimmed();
            if (!text.isEmpty())
                lines.append(text);
            line.clear();
        } else if (c != '\a') {
            line.append(c);
        }
        ++i;
    }
    return lines;
}

} // namespace app
