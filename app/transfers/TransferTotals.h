// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/transfers/TransferFile.h"

#include <QList>
#include <QSet>

namespace app {

// A job's figures kept as counters: bytes and files done, failed and in all. Each change of a file
// takes its old part out and puts its new part in, so reading them never walks the job's files
// (the transfer list asks for them on every repaint of every row).
class TransferTotals
{
public:
    // index: the file's place in its job (the failed ones are remembered by it).
    void add(int index, const TransferFile &file);
    void remove(int index, const TransferFile &file);

    quint64 bytesDone() const { return m_bytesDone; }
    quint64 bytesTotal() const { return m_bytesTotal; }
    int filesDone() const { return m_filesDone; } // done or skipped
    int filesFailed() const { return m_filesFailed; }
    int filesTotal() const { return m_filesTotal; }
    // Queued or running: the job is not over while there are some.
    int filesOpen() const { return m_filesTotal - m_filesDone - m_filesFailed; }
    // The failed files' places in the job, in order.
    QList<int> failedFiles() const;

private:
    quint64 m_bytesDone = 0;
    quint64 m_bytesTotal = 0;
    int m_filesDone = 0;
    int m_filesFailed = 0;
    int m_filesTotal = 0;
    QSet<int> m_failed;
};

} // namespace app
