// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jupyter/JupyterSettings.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace app {

namespace {

// The words the file uses, kept apart from the enums' order so that reordering them breaks no file.
constexpr std::array<std::pair<JupyterEnvironment::Kind, const char *>, 5> kindNames{{
    {JupyterEnvironment::Kind::System, "system"},
    {JupyterEnvironment::Kind::Modules, "modules"},
    {JupyterEnvironment::Kind::Conda, "conda"},
    {JupyterEnvironment::Kind::Venv, "venv"},
    {JupyterEnvironment::Kind::Container, "container"},
}};

QString kindName(JupyterEnvironment::Kind kind)
{
    for (const auto &[value, name] : kindNames) {
        if (value == kind)
            return QLatin1StringView(name);
    }
    return u"modules"_s;
}

JupyterEnvironment::Kind kindFromName(const QString &text)
{
    for (const auto &[value, name] : kindNames) {
        if (text == QLatin1StringView(name))
            return value;
    }
    return JupyterEnvironment::Kind::Modules;
}

} // namespace

QJsonObject JupyterSettings::toJson() const
{
    QJsonObject env{
        {u"kind"_s, kindName(environment.kind)}, {u"modules"_s, QJsonArray::fromStringList(environment.modules)},
        {u"conda"_s, environment.conda},         {u"venv"_s, environment.venv},
        {u"container"_s, environment.container},
    };
    return QJsonObject{
        {u"partition"_s, partition},
        {u"timeLimit"_s, timeLimit},
        {u"memory"_s, memory},
        {u"gpus"_s, gpus},
        {u"account"_s, account},
        {u"qos"_s, qos},
        {u"workDirectory"_s, workDirectory},
        {u"cpus"_s, cpus},
        {u"environment"_s, env},
        {u"interface"_s, interface == Interface::Notebook ? u"notebook"_s : u"lab"_s},
    };
}

JupyterSettings JupyterSettings::fromJson(const QJsonObject &object)
{
    JupyterSettings settings;
    settings.partition = object.value(u"partition"_s).toString();
    settings.timeLimit = object.value(u"timeLimit"_s).toString();
    settings.memory = object.value(u"memory"_s).toString();
    settings.gpus = object.value(u"gpus"_s).toString();
    settings.account = object.value(u"account"_s).toString();
    settings.qos = object.value(u"qos"_s).toString();
    settings.workDirectory = object.value(u"workDirectory"_s).toString();
    settings.cpus = qMax(1, object.value(u"cpus"_s).toInt(1));
    const QJsonObject env = object.value(u"environment"_s).toObject();
    settings.environment.kind = kindFromName(env.value(u"kind"_s).toString());
    for (const QJsonValue &module : env.value(u"modules"_s).toArray()) {
        if (module.isString())
            settings.environment.modules.append(module.toString());
    }
    settings.environment.conda = env.value(u"conda"_s).toString();
    settings.environment.venv = env.value(u"venv"_s).toString();
    settings.environment.container = env.value(u"container"_s).toString();
    settings.interface = object.value(u"interface"_s).toString() == u"notebook" ? Interface::Notebook : Interface::Lab;
    return settings;
}

QByteArray condaEnvironmentsCommand()
{
    return QByteArrayLiteral("bash -lc 'command -v conda >/dev/null 2>&1 && conda env list --json 2>/dev/null' "
                             "</dev/null || true");
}

QStringList parseCondaEnvironments(const QByteArray &json)
{
    const QJsonArray envs = QJsonDocument::fromJson(json).object().value(QStringLiteral("envs")).toArray();
    QStringList names;
    QString root;
    for (const QJsonValue &value : envs) {
        const QString path = value.toString();
        if (path.isEmpty())
            continue;
        if (root.isEmpty()) { // conda lists its own (root) prefix first
            root = path;
            names.append(QStringLiteral("base"));
        } else if (path.startsWith(root + QStringLiteral("/envs/"))) {
            names.append(path.mid(root.size() + 6));
        } else {
            names.append(path);
        }
    }
    return names;
}

} // namespace app
