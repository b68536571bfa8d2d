// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/transfers/TransferRate.h"

namespace app {

namespace {
constexpr qint64 windowMs = 5000;
}

TransferRate::TransferRate()
{
    m_clock.start();
}

double TransferRate::sample(quint64 totalTransferred)
{
    const qint64 now = m_clock.elapsed();
    m_samples.append({now, totalTransferred});
    while (m_samples.size() > 2 && now - m_samples.first().at > windowMs)
        m_samples.removeFirst();
    const Sample &first = m_samples.first();
    m_rate = now > first.at ? double(totalTransferred - first.bytes) * 1000.0 / double(now - first.at) : 0;
    return m_rate;
}

} // namespace app
