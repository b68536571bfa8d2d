// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/gridengine/XmlElement.h"

#include "app/schedulers/Scheduler.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

using sshcore::failure;
using sshcore::Result;

namespace app::gridengine {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::gridengine)
};
// Grid Engine nests a handful of levels; a deeper document is not one of its own.
constexpr qsizetype MaxDepth = 64;
} // namespace

QString XmlElement::attribute(QStringView attributeName) const
{
    return valueOf(attributes, attributeName);
}

const XmlElement *XmlElement::child(QStringView childName) const
{
    for (const XmlElement &element : children) {
        if (element.name == childName)
            return &element;
    }
    return nullptr;
}

QString XmlElement::childText(QStringView childName) const
{
    const XmlElement *element = child(childName);
    return element ? element->text : QString();
}

const XmlElement *XmlElement::find(QStringView elementName) const
{
    for (const XmlElement &element : children) {
        if (element.name == elementName)
            return &element;
        if (const XmlElement *below = element.find(elementName))
            return below;
    }
    return nullptr;
}

Result<XmlElement> XmlElement::read(QByteArrayView xml)
{
    QXmlStreamReader reader(xml);
    // Grid Engine wraps the schema address of xmlns:xsd across lines: no namespace checks.
    reader.setNamespaceProcessing(false);
    QList<XmlElement> open;
    XmlElement root;
    bool done = false;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (done)
                break;
            if (open.size() >= MaxDepth) {
                reader.raiseError(QStringLiteral("elements nested too deep"));
                break;
            }
            XmlElement element;
            element.name = reader.name().toString();
            for (const QXmlStreamAttribute &attribute : reader.attributes())
                element.attributes.append({attribute.qualifiedName().toString(), attribute.value().toString()});
            open.append(std::move(element));
        } else if (token == QXmlStreamReader::Characters && !open.isEmpty()) {
            open.back().text += reader.text();
        } else if (token == QXmlStreamReader::EndElement && !open.isEmpty()) {
            XmlElement element = open.takeLast();
            element.text = element.children.isEmpty() ? element.text.trimmed() : QString();
            if (open.isEmpty()) {
                root = std::move(element);
                done = true;
            } else {
                open.back().children.append(std::move(element));
            }
        }
    }
    if (reader.hasError() || !done)
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("qstat printed XML that clusterdesk cannot read (%1, line %2). "
                              "The list was left as it was.")
                           .arg(reader.hasError() ? reader.errorString() : Tr::tr("no document"))
                           .arg(reader.lineNumber()));
    return root;
}

QString XmlElement::rootName(QByteArrayView xml)
{
    QXmlStreamReader reader(xml);
    reader.setNamespaceProcessing(false);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement)
            return reader.name().toString();
    }
    return {};
}

} // namespace app::gridengine
