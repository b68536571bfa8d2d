// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/pbs/PbsRecord.h"

#include "app/schedulers/JsonKeyOrder.h"
#include "app/schedulers/Scheduler.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using sshcore::failure;
using sshcore::Result;

namespace app::pbs {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::pbs)
};

QString shown(QByteArrayView text)
{
    return QString::fromUtf8(text.first(std::min<qsizetype>(text.size(), 120))).trimmed();
}

QString scalar(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == double(qint64(number)))
            return QString::number(qint64(number));
        return QString::number(number, 'g', 15);
    }
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(scalar(item));
        return items.join(u',');
    }
    case QJsonValue::Null:
    case QJsonValue::Object:
    case QJsonValue::Undefined: break;
    }
    return {};
}

// Members of object (at path in the document) in the document's order, nested objects flattened.
void flatten(QByteArrayView json, const QStringList &path, const QJsonObject &object, const QString &prefix,
             QList<std::pair<QString, QString>> &into)
{
    QStringList names = jsonKeysInOrder(json, path);
    for (const QString &name : object.keys()) { // whatever the walk missed, in QJsonObject's order
        if (!names.contains(name))
            names.append(name);
    }
    for (const QString &name : std::as_const(names)) {
        const auto member = object.constFind(name);
        if (member == object.constEnd())
            continue;
        if (member->isObject())
            flatten(json, path + QStringList{name}, member->toObject(), prefix + name + u'.', into);
        else
            into.append({prefix + name, scalar(*member)});
    }
}

Result<QList<PbsRecord>> readJson(QByteArrayView output, PbsRecord::Kind kind)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(output.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("qstat printed JSON that clusterdesk cannot read (%1 at character %2). The list was left "
                              "as it was.")
                           .arg(error.errorString())
                           .arg(error.offset));
    const QJsonObject root = document.object();
    if (!root.contains(u"pbs_version"))
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("qstat printed JSON without \"pbs_version\": this is not PBS output clusterdesk knows."));
    const QString section = kind == PbsRecord::Kind::Job ? QStringLiteral("Jobs") : QStringLiteral("Queue");
    QList<PbsRecord> records;
    if (!root.contains(section))
        return records; // PBS leaves the member out when there is nothing to list
    if (!root.value(section).isObject())
        return failure(sshcore::ErrorKind::Malformed, Tr::tr("qstat's \"%1\" is not an object.").arg(section));
    const QJsonObject objects = root.value(section).toObject();
    QStringList ids = jsonKeysInOrder(output, {section});
    if (ids.size() != objects.size())
        ids = objects.keys();
    for (const QString &id : std::as_const(ids)) {
        const QJsonValue value = objects.value(id);
        if (!value.isObject() || id.isEmpty())
            return failure(sshcore::ErrorKind::Malformed,
                           Tr::tr("qstat listed \"%1\" without its attributes.").arg(id.left(100)));
        PbsRecord record;
        record.id = id;
        flatten(output, {section, id}, value.toObject(), QString(), record.attributes);
        records.append(std::move(record));
    }
    return records;
}

qsizetype indentation(QByteArrayView line)
{
    qsizetype n = 0;
    while (n < line.size() && (line[n] == ' ' || line[n] == '\t'))
        ++n;
    return n;
}

Result<QList<PbsRecord>> readText(QByteArrayView output, PbsRecord::Kind kind)
{
    const QByteArrayView heading = kind == PbsRecord::Kind::Job ? QByteArrayView("Job Id:") : QByteArrayView("Queue:");
    static const QRegularExpression attribute(QStringLiteral("^([A-Za-z_][A-Za-z0-9_.\\-]*) = ?(.*)$"));
    QList<PbsRecord> records;
    qsizetype attributeIndent = -1;
    qsizetype start = 0;
    while (start < output.size()) {
        qsizetype end = output.indexOf('\n', start);
        if (end < 0)
            end = output.size();
        QByteArrayView line = output.sliced(start, end - start);
        start = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith(heading)) {
            PbsRecord record;
            record.id = QString::fromUtf8(line.sliced(heading.size()).trimmed());
            if (record.id.isEmpty())
                return failure(sshcore::ErrorKind::Malformed,
                               Tr::tr("qstat printed a \"%1\" line without an id.").arg(QString::fromLatin1(heading)));
            records.append(std::move(record));
            attributeIndent = -1;
            continue;
        }
        if (records.isEmpty())
            return failure(sshcore::ErrorKind::Malformed,
                           Tr::tr("qstat printed a line clusterdesk cannot read (\"%1\"). The list was left as it was.")
                               .arg(shown(line)));
        PbsRecord &record = records.back();
        const qsizetype indent = indentation(line);
        const auto match = indent > 0 && (attributeIndent < 0 || indent == attributeIndent)
                               ? attribute.match(QString::fromUtf8(line.sliced(indent)))
                               : QRegularExpressionMatch();
        if (match.hasMatch()) {
            attributeIndent = indent;
            record.attributes.append({match.captured(1), match.captured(2)});
            continue;
        }
        // A long value goes on after a newline and a tab (or the spaces a tab became).
        if (record.attributes.isEmpty())
            return failure(sshcore::ErrorKind::Malformed,
                           Tr::tr("qstat printed a line clusterdesk cannot read (\"%1\"). The list was left as it was.")
                               .arg(shown(line)));
        const QByteArrayView rest = line.startsWith('\t') ? line.sliced(1) : line.sliced(indent);
        record.attributes.back().second += QString::fromUtf8(rest);
    }
    return records;
}

} // namespace

QString PbsRecord::value(QStringView name) const
{
    return valueOf(attributes, name);
}

bool PbsRecord::has(QStringView name) const
{
    return std::ranges::any_of(attributes, [name](const auto &pair) { return pair.first == name; });
}

QString PbsRecord::variable(QStringView name) const
{
    const QString dotted = QStringLiteral("Variable_List.") + name;
    if (has(dotted))
        return value(dotted);
    const QString list = value(u"Variable_List");
    // Split at commas that are not escaped; each item is NAME=value.
    QString item;
    for (qsizetype i = 0; i <= list.size(); ++i) {
        if (i == list.size() || list[i] == u',') {
            if (item.startsWith(name + u'='))
                return item.mid(name.size() + 1);
            item.clear();
        } else if (list[i] == u'\\' && i + 1 < list.size() && list[i + 1] == u',') {
            item += u',';
            ++i;
        } else {
            item += list[i];
        }
    }
    return {};
}

Result<QList<PbsRecord>> PbsRecord::read(QByteArrayView output, Kind kind)
{
    const QByteArrayView trimmed = output.trimmed();
    if (trimmed.isEmpty())
        return QList<PbsRecord>();
    if (trimmed.startsWith('{'))
        return readJson(output, kind);
    return readText(output, kind);
}

} // namespace app::pbs
