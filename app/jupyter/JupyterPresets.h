// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jupyter/JupyterSettings.h"
#include "app/presets/PresetFile.h"

namespace app {

using JupyterPreset = NamedPreset<JupyterSettings>;

// Named Jupyter settings per cluster, in jupyter-presets.json in the app's data folder.
class JupyterPresets : public Presets<JupyterSettings>
{
public:
    explicit JupyterPresets(QString filePath = defaultFilePath())
        : Presets(std::move(filePath))
    {}
    static QString defaultFilePath() { return PresetFile::inDataFolder(QStringLiteral("jupyter-presets.json")); }
};

} // namespace app
