// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/presets/PresetFile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;
using sshcore::failure;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::PresetFile)
};
constexpr int format = 1;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// The presets of a valid file, or why it is not one.
sshcore::Result<QHash<QString, QList<StoredPreset>>> parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("%1 at byte %2").arg(error.errorString()).arg(error.offset));
    if (!document.isObject() || !document.object().value(u"clusters"_s).isObject())
        return failure(sshcore::ErrorKind::Malformed, Tr::tr("not a presets file"));
    QHash<QString, QList<StoredPreset>> all;
    const QJsonObject clusters = document.object().value(u"clusters"_s).toObject();
    for (auto it = clusters.begin(); it != clusters.end(); ++it) {
        if (!it->isArray())
            return failure(sshcore::ErrorKind::Malformed, Tr::tr("the presets of %1 are not a list").arg(it.key()));
        QList<StoredPreset> list;
        for (const QJsonValue &value : it->toArray()) {
            const QJsonObject object = value.toObject();
            if (!object.value(u"name"_s).isString() || !object.value(u"settings"_s).isObject())
                return failure(sshcore::ErrorKind::Malformed,
                               Tr::tr("a preset of %1 has no name or settings").arg(it.key()));
            list.append({object.value(u"name"_s).toString(), object.value(u"settings"_s).toObject()});
        }
        all.insert(it.key(), list);
    }
    return all;
}

} // namespace

PresetFile::PresetFile(QString filePath)
    : m_filePath(std::move(filePath))
{}

QString PresetFile::inDataFolder(const QString &fileName)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u'/' + fileName;
}

sshcore::Result<void> PresetFile::load()
{
    m_presets.clear();
    m_notice.clear();
    m_readOnly = false;
    QFile file(m_filePath);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        m_readOnly = true;
        return failure(sshcore::ErrorKind::PermissionDenied,
                       Tr::tr("The presets in %1 cannot be read: %2.").arg(native(m_filePath), file.errorString()));
    }
    const QByteArray json = file.readAll();
    file.close();
    const int fileFormat = QJsonDocument::fromJson(json).object().value(u"format"_s).toInt(0);
    if (fileFormat > format) {
        // Another clusterdesk's file: keep it whole, for that version.
        m_readOnly = true;
        m_notice = Tr::tr("%1 was written by a newer clusterdesk; its presets are not shown and not changed.")
                       .arg(native(m_filePath));
        return {};
    }
    auto parsed = parse(json);
    if (!parsed) {
        moveAside(parsed.error().message);
        if (m_readOnly)
            return failure(sshcore::ErrorKind::Other, m_notice);
        return {};
    }
    m_presets = std::move(*parsed);
    return {};
}

void PresetFile::moveAside(const QString &why)
{
    const QString stem = m_filePath + u".damaged-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
    QString aside = stem;
    for (int n = 2; QFileInfo::exists(aside); ++n) // never over an earlier damaged copy
        aside = stem + u'-' + QString::number(n);
    if (QFile::rename(m_filePath, aside)) {
        m_notice = Tr::tr("The presets file was damaged (%1); it was moved to %2 and the presets start empty.")
                       .arg(why, native(aside));
    } else {
        m_readOnly = true;
        m_notice = Tr::tr("The presets file %1 is damaged (%2) and could not be moved aside; presets will not be saved "
                          "until it is moved or removed.")
                       .arg(native(m_filePath), why);
    }
}

QList<StoredPreset> PresetFile::presets(const QString &cluster) const
{
    QList<StoredPreset> list = m_presets.value(cluster);
    std::sort(list.begin(), list.end(), [](const StoredPreset &a, const StoredPreset &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return list;
}

std::optional<QJsonObject> PresetFile::find(const QString &cluster, const QString &name) const
{
    for (const StoredPreset &preset : m_presets.value(cluster)) {
        if (preset.name == name.trimmed())
            return preset.settings;
    }
    return std::nullopt;
}

sshcore::Result<void> PresetFile::save(const QString &cluster, const StoredPreset &preset)
{
    const QString name = preset.name.trimmed();
    if (name.isEmpty())
        return failure(sshcore::ErrorKind::Malformed, Tr::tr("Give the preset a name."));
    auto all = m_presets;
    QList<StoredPreset> &list = all[cluster];
    list.removeIf([&](const StoredPreset &existing) { return existing.name == name; });
    list.append({name, preset.settings});
    return write(all);
}

sshcore::Result<void> PresetFile::remove(const QString &cluster, const QString &name)
{
    auto all = m_presets;
    auto it = all.find(cluster);
    if (it == all.end())
        return {};
    const qsizetype removed = it->removeIf(
        [&](const StoredPreset &existing) { return existing.name == name.trimmed(); });
    if (removed == 0)
        return {};
    if (it->isEmpty())
        all.erase(it);
    return write(all);
}

sshcore::Result<void> PresetFile::write(const QHash<QString, QList<StoredPreset>> &all)
{
    if (m_readOnly)
        return failure(sshcore::ErrorKind::Refused, Tr::tr("Presets cannot be saved: %1").arg(m_notice));
    if (!QDir().mkpath(QFileInfo(m_filePath).absolutePath()))
        return failure(Tr::tr("Cannot create the folder for %1.").arg(native(m_filePath)));
    QJsonObject clusters;
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        QJsonArray array;
        for (const StoredPreset &preset : it.value())
            array.append(QJsonObject{{u"name"_s, preset.name}, {u"settings"_s, preset.settings}});
        clusters.insert(it.key(), array);
    }
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly))
        return failure(Tr::tr("Cannot save presets to %1: %2.").arg(native(m_filePath), file.errorString()));
    file.write(QJsonDocument(QJsonObject{{u"format"_s, format}, {u"clusters"_s, clusters}}).toJson());
    if (!file.commit())
        return failure(Tr::tr("Cannot save presets to %1: %2. The previous file is unchanged.")
                           .arg(native(m_filePath), file.errorString()));
    m_presets = all;
    return {};
}

} // namespace app
