// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace app {

// One named set of settings, as the file keeps it.
struct StoredPreset
{
    QString name; // any text a person types ("GPU, 8 h", "../a/b: c? *100%*")
    QJsonObject settings;
};

// Named settings per cluster (its profile id) in one JSON file in the app's data folder, written
// atomically: the Jupyter form's and the interactive allocation form's presets. Names are data,
// never file names, so any name survives. A damaged file is moved aside (notice() says where) and
// the presets start empty; one from a newer clusterdesk is left as it is and nothing is saved over it.
class PresetFile
{
public:
    explicit PresetFile(QString filePath);
    // fileName in QStandardPaths::AppDataLocation.
    static QString inDataFolder(const QString &fileName);

    // Reads the file (a missing one is no presets). Fails only when the file exists but can be neither
    // read nor moved aside; the presets are then empty and saving is refused.
    sshcore::Result<void> load();
    // What load() had to do about the file, for a person; empty when nothing happened.
    QString notice() const { return m_notice; }

    // The cluster's presets, by name.
    QList<StoredPreset> presets(const QString &cluster) const;
    std::optional<QJsonObject> find(const QString &cluster, const QString &name) const;
    // Adds the preset, or replaces the one of the same name (names are compared as typed, trimmed).
    sshcore::Result<void> save(const QString &cluster, const StoredPreset &preset);
    // Removing a preset that is not there is not an error.
    sshcore::Result<void> remove(const QString &cluster, const QString &name);

private:
    sshcore::Result<void> write(const QHash<QString, QList<StoredPreset>> &all);
    void moveAside(const QString &why);

    QString m_filePath;
    QHash<QString, QList<StoredPreset>> m_presets;
    QString m_notice;
    bool m_readOnly = false;
};

template<typename Settings>
struct NamedPreset
{
    QString name;
    Settings settings;

    bool operator==(const NamedPreset &) const = default;
};

// A PresetFile of one kind of settings (with toJson() and a static fromJson()).
template<typename Settings>
class Presets
{
public:
    explicit Presets(QString filePath)
        : m_file(std::move(filePath))
    {}

    sshcore::Result<void> load() { return m_file.load(); }
    QString notice() const { return m_file.notice(); }

    QList<NamedPreset<Settings>> presets(const QString &cluster) const
    {
        QList<NamedPreset<Settings>> list;
        for (const StoredPreset &stored : m_file.presets(cluster))
            list.append({stored.name, Settings::fromJson(stored.settings)});
        return list;
    }
    std::optional<Settings> find(const QString &cluster, const QString &name) const
    {
        if (const auto stored = m_file.find(cluster, name))
            return Settings::fromJson(*stored);
        return std::nullopt;
    }
    sshcore::Result<void> save(const QString &cluster, const NamedPreset<Settings> &preset)
    {
        return m_file.save(cluster, {preset.name, preset.settings.toJson()});
    }
    sshcore::Result<void> remove(const QString &cluster, const QString &name) { return m_file.remove(cluster, name); }

private:
    PresetFile m_file;
};

} // namespace app
