// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/presets/PresetFile.h"
#include "app/schedulers/InteractiveRequest.h"

namespace app {

using InteractivePreset = NamedPreset<InteractiveRequest>;

// Named interactive allocation requests per cluster, in allocation-presets.json in the app's data
// folder.
class InteractivePresets : public Presets<InteractiveRequest>
{
public:
    explicit InteractivePresets(QString filePath = defaultFilePath())
        : Presets(std::move(filePath))
    {}
    static QString defaultFilePath() { return PresetFile::inDataFolder(QStringLiteral("allocation-presets.json")); }
};

} // namespace app
