// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QThreadPool>

#include <utility>

namespace app {

// Frees a big value (a listing of tens of thousands of jobs: a million strings) on a worker thread.
// Freed where it was last used, in the window's thread, it would hold the event loop up for tens of
// milliseconds. The value must not share data with anything that stays (a moved-from QList, or one
// whose elements were copied out, is fine: copies of Qt's strings share, and only the last one
// frees).
template<typename T>
void releaseAside(T &&value)
{
    QThreadPool::globalInstance()->start([doomed = std::forward<T>(value)]() mutable { doomed = {}; });
}

} // namespace app
