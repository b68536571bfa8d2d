// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/transfers/TransferTotals.h"

#include <algorithm>

namespace app {

namespace {

// What a file adds to its job's bytes done: all of it once over (a skipped file is as good as
// there), what has arrived while it is on its way, nothing once it failed.
quint64 bytesDoneOf(const TransferFile &file)
{
    switch (file.state) {
    case TransferFileState::Done:
    case TransferFileState::Skipped: return file.size;
    case TransferFileState::Failed: return 0;
    case TransferFileState::Queued:
    case TransferFileState::Running: return file.done;
    }
    return 0;
}

bool isOver(TransferFileState state)
{
    return state == TransferFileState::Done || state == TransferFileState::Skipped;
}

} // namespace

void TransferTotals::add(int index, const TransferFile &file)
{
    m_bytesTotal += file.size;
    m_bytesDone += bytesDoneOf(file);
    ++m_filesTotal;
    if (isOver(file.state))
        ++m_filesDone;
    if (file.state == TransferFileState::Failed) {
        ++m_filesFailed;
        m_failed.insert(index);
    }
}

void TransferTotals::remove(int index, const TransferFile &file)
{
    m_bytesTotal -= file.size;
    m_bytesDone -= bytesDoneOf(file);
    --m_filesTotal;
    if (isOver(file.state))
        --m_filesDone;
    if (file.state == TransferFileState::Failed) {
        --m_filesFailed;
        m_failed.remove(index);
    }
}

QList<int> TransferTotals::failedFiles() const
{
    QList<int> failed(m_failed.cbegin(), m_failed.cend());
    std::ranges::sort(failed);
    return failed;
}

} // namespace app
