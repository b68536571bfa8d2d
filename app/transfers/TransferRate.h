// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QElapsedTimer>
#include <QList>

namespace app {

// The queue's speed: the bytes sent or received over the last five seconds, from samples of the
// running total taken a few times a second.
class TransferRate
{
public:
    TransferRate();

    // The total bytes transferred so far (it only grows); returns the new rate.
    double sample(quint64 totalTransferred);
    double bytesPerSecond() const { return m_rate; }

private:
    struct Sample
    {
        qint64 at;
        quint64 bytes;
    };
    QElapsedTimer m_clock;
    QList<Sample> m_samples;
    double m_rate = 0;
};

} // namespace app
