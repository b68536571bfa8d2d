#pragma once

#include "app/jupyter/JupyterSettings.h"
#include "sshcore/Result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace app {

struct JupyterPreset
{
    QString name; // any text a person types ("GPU, 8 h", "../a/b: c? *100%*")
    JupyterSettings settings;

    bool operator==(const JupyterPreset &) const = default;
};

// Named Jupyter settings per cluster (its profile id), in one JSON file in the app's data folder,
// written atomically. Names are data, never file names, so any name survives. A damaged file is moved
// aside (notice() says where) and the presets start empty; one from a newer clusterdesk is left as it
// is and nothing is saved over it.
class JupyterPresets
{
public:
    explicit JupyterPresets(QString filePath = defaultFilePath());
    // "jupyter-presets.json" in QStandardPaths::AppDataLocation.
    static QString defaultFilePath();

    // Reads the file (a missing one is no presets). Fails only when the file exists but can be neither
    // read nor moved aside; the presets are then empty and saving is refused.
    sshcore::Result<void> load();
    // What load() had to do about the file, for a person; empty when nothing happened.
    QString notice() const { return m_notice; }

    // The cluster's presets, by name.
    QList<JupyterPreset> presets(const QString &cluster) const;
    std::optional<JupyterSettings> find(const QString &cluster, const QString &name) const;

    // Adds the preset, or replaces the one of the same name (names are compared as typed, trimmed).
    sshcore::Result<void> save(const QString &cluster, const JupyterPreset &preset);
    // Removing a preset that is not there is not an error.
    sshcore::Result<void> remove(const QString &cluster, const QString &name);

private:
    sshcore::Result<void> write(const QHash<QString, QList<JupyterPreset>> &all);
    void moveAside(const QString &why);

    QString m_filePath;
    QHash<QString, QList<JupyterPreset>> m_presets;
    QString m_notice;
    bool m_readOnly = false;
};

} // namespace app
