// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace app {

// How far an interactive allocation command (salloc, qsub -I, bsub -Is, qrsh) has got, from what
// it printed on its terminal before the shell on the node started.
struct AllocationProgress
{
    enum class Phase {
        Submitting, // nothing said yet
        Queued,     // the scheduler has the request (jobId known) and waits for resources
        Started,    // granted: what follows is the shell on the node
        Refused,    // never queued: message says why, in the scheduler's words
        Ended,      // queued or granted, then revoked (cancelled, time limit): message says how
    };
    Phase phase = Phase::Submitting;
    QString jobId;   // once the scheduler said it
    QString node;    // where the shell runs, when the scheduler says it
    QString message; // the scheduler's own sentence for Refused and Ended

    bool operator==(const AllocationProgress &) const = default;
};

// The complete lines of a terminal's output, as text: escape sequences (CSI, OSC) and bells
// removed, "\r\n" and lone "\r" taken as line ends, empty lines dropped. The last line counts
// only when a line end follows it (a partial "Granted job allocation 12" may still become 123).
QStringList terminalLines(QByteArrayView output);

} // namespace app
