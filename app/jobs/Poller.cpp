// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobs/Poller.h"

using namespace std::chrono_literals;

namespace app {

Poller::Poller(std::function<void()> request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Poller::trigger);
}

void Poller::setInterval(std::chrono::milliseconds interval)
{
    m_interval = std::max(interval, std::chrono::milliseconds(100ms));
    if (m_timer.isActive())
        m_timer.start(m_interval);
}

void Poller::start()
{
    m_active = true;
    trigger();
}

void Poller::stop()
{
    m_active = false;
    m_again = false;
    m_timer.stop();
}

void Poller::trigger()
{
    if (m_busy) {
        m_again = true;
        return;
    }
    m_timer.stop();
    m_busy = true;
    m_request(); // may call finished() before it returns
}

void Poller::finished()
{
    m_busy = false;
    if (m_again) {
        m_again = false;
        trigger();
    } else if (m_active) {
        m_timer.start(m_interval);
    }
}

} // namespace app
