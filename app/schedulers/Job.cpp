// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/Job.h"

#include <QCoreApplication>

namespace app {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::Job)
};
} // namespace

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Unknown: return Tr::tr("Unknown");
    case JobState::Pending: return Tr::tr("Pending");
    case JobState::Held: return Tr::tr("Held");
    case JobState::Running: return Tr::tr("Running");
    case JobState::Suspended: return Tr::tr("Suspended");
    case JobState::Completing: return Tr::tr("Completing");
    case JobState::Completed: return Tr::tr("Completed");
    case JobState::Failed: return Tr::tr("Failed");
    case JobState::Cancelled: return Tr::tr("Cancelled");
    case JobState::TimedOut: return Tr::tr("Timed out");
    case JobState::OutOfMemory: return Tr::tr("Out of memory");
    case JobState::NodeFailed: return Tr::tr("Node failed");
    case JobState::Preempted: return Tr::tr("Preempted");
    }
    return {};
}

bool isFinished(JobState state)
{
    switch (state) {
    case JobState::Completed:
    case JobState::Failed:
    case JobState::Cancelled:
    case JobState::TimedOut:
    case JobState::OutOfMemory:
    case JobState::NodeFailed: return true;
    case JobState::Unknown:
    case JobState::Pending:
    case JobState::Held:
    case JobState::Running:
    case JobState::Suspended:
    case JobState::Completing:
    case JobState::Preempted: // may be requeued
        return false;
    }
    return false;
}

} // namespace app
