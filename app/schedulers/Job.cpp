#include "app/schedulers/Job.h"

#include <QCoreApplication>

namespace app {

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Unknown: return QCoreApplication::translate("app::Job", "Unknown");
    case JobState::Pending: return QCoreApplication::translate("app::Job", "Pending");
    case JobState::Held: return QCoreApplication::translate("app::Job", "Held");
    case JobState::Running: return QCoreApplication::translate("app::Job", "Running");
    case JobState::Suspended: return QCoreApplication::translate("app::Job", "Suspended");
    case JobState::Completing: return QCoreApplication::translate("app::Job", "Completing");
    case JobState::Completed: return QCoreApplication::translate("app::Job", "Completed");
    case JobState::Failed: return QCoreApplication::translate("app::Job", "Failed");
    case JobState::Cancelled: return QCoreApplication::translate("app::Job", "Cancelled");
    case JobState::TimedOut: return QCoreApplication::translate("app::Job", "Timed out");
    case JobState::OutOfMemory: return QCoreApplication::translate("app::Job", "Out of memory");
    case JobState::NodeFailed: return QCoreApplication::translate("app::Job", "Node failed");
    case JobState::Preempted: return QCoreApplication::translate("app::Job", "Preempted");
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
    case JobState::NodeFailed:
        return true;
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
