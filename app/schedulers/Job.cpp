#include "app/schedulers/Job.h"

#include "app/TranslationContext.h"

#include <QCoreApplication>

namespace app {

namespace {
constexpr Translator<"app::Job"> tr;
} // namespace

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Unknown: return tr("Unknown");
    case JobState::Pending: return tr("Pending");
    case JobState::Held: return tr("Held");
    case JobState::Running: return tr("Running");
    case JobState::Suspended: return tr("Suspended");
    case JobState::Completing: return tr("Completing");
    case JobState::Completed: return tr("Completed");
    case JobState::Failed: return tr("Failed");
    case JobState::Cancelled: return tr("Cancelled");
    case JobState::TimedOut: return tr("Timed out");
    case JobState::OutOfMemory: return tr("Out of memory");
    case JobState::NodeFailed: return tr("Node failed");
    case JobState::Preempted: return tr("Preempted");
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
