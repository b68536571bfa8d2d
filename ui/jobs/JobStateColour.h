// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/Job.h"
#include "ui/widgets/Palette.h"

namespace ui {

// A job state's colour: green while it runs or when it completed, amber while it waits or is not
// known, red when it failed, was cancelled or ran out of time or memory.
inline QColor jobStateColour(app::JobState state, const QPalette &colours)
{
    switch (state) {
    case app::JobState::Running:
    case app::JobState::Completing:
    case app::JobState::Completed: return palette::success(colours);
    case app::JobState::Pending:
    case app::JobState::Held:
    case app::JobState::Suspended:
    case app::JobState::Unknown: return palette::warning(colours);
    case app::JobState::Failed:
    case app::JobState::Cancelled:
    case app::JobState::TimedOut:
    case app::JobState::OutOfMemory:
    case app::JobState::NodeFailed:
    case app::JobState::Preempted: return palette::danger(colours);
    }
    return colours.color(QPalette::Text);
}

} // namespace ui
