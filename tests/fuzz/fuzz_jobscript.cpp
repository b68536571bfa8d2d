// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Fuzz target for the job-script model: parse as each scheduler, read every field, validate,
// translate, and check the round trip stays exact. Replays data/jobscripts in CTest.

#include "app/jobscripts/JobScript.h"
#include "app/jobscripts/JobScriptTranslator.h"
#include "app/jobscripts/JobScriptValidator.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const auto scheduler : {app::Profile::Scheduler::Slurm, app::Profile::Scheduler::Pbs,
                                 app::Profile::Scheduler::Lsf, app::Profile::Scheduler::GridEngine}) {
        app::JobScript script = app::JobScript::parse(text, scheduler);
        if (script.text() != text)
            std::abort(); // the round trip must be exact
        for (app::JobField field : app::allJobFields())
            (void)script.value(field);
        (void)script.environment();
        (void)app::JobScriptValidator::check(script);
        (void)app::JobScriptTranslator::translate(script, app::Profile::Scheduler::Slurm);
        (void)script.setValue(app::JobField::TimeLimit, QStringLiteral("01:00:00"));
        (void)script.setValue(app::JobField::Gpus, QString());
    }
    return 0;
}
