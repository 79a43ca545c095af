using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SensorNode.NanoGate
{
    /// <summary>
    /// Finds what compiles with Roslyn against nanoFramework's mscorlib but the nanoFramework 1.x runtime (or its
    /// metadata processor) cannot run: generics above all, plus features that only fail later on the device.
    /// </summary>
    public sealed class UnsupportedFeatureFinder : CSharpSyntaxWalker
    {
        public sealed class Finding
        {
            public Location Location;
            public string Message;
        }

        public UnsupportedFeatureFinder()
            : base(SyntaxWalkerDepth.Token)
        {
        }

        public List<Finding> Findings { get; } = new List<Finding>();

        public override void VisitTypeParameterList(TypeParameterListSyntax node)
        {
            string owner = node.Parent switch
            {
                MethodDeclarationSyntax m => "generic method " + m.Identifier.Text + node,
                LocalFunctionStatementSyntax f => "generic local function " + f.Identifier.Text + node,
                TypeDeclarationSyntax t => "generic type " + t.Identifier.Text + node,
                DelegateDeclarationSyntax d => "generic delegate " + d.Identifier.Text + node,
                _ => "generic definition " + node,
            };
            Add(node, owner + ": the nanoFramework 1.x runtime has no generics");
            base.VisitTypeParameterList(node);
        }

        public override void VisitGenericName(GenericNameSyntax node)
        {
            Add(node, "generic type or method use " + node + ": the nanoFramework 1.x runtime has no generics");
            base.VisitGenericName(node);
        }

        public override void VisitNullableType(NullableTypeSyntax node)
        {
            Add(node, "nullable type " + node + ": not supported by nanoFramework");
            base.VisitNullableType(node);
        }

        public override void VisitTupleType(TupleTypeSyntax node)
        {
            Add(node, "tuple type " + node + ": System.ValueTuple does not exist on nanoFramework");
            base.VisitTupleType(node);
        }

        public override void VisitTupleExpression(TupleExpressionSyntax node)
        {
            Add(node, "tuple " + node + ": System.ValueTuple does not exist on nanoFramework");
            base.VisitTupleExpression(node);
        }

        public override void VisitRecordDeclaration(RecordDeclarationSyntax node)
        {
            Add(node.Identifier, "record " + node.Identifier.Text + ": not supported by nanoFramework");
            base.VisitRecordDeclaration(node);
        }

        public override void VisitQueryExpression(QueryExpressionSyntax node)
        {
            Add(node, "LINQ query: System.Linq does not exist on nanoFramework");
            base.VisitQueryExpression(node);
        }

        public override void VisitStackAllocArrayCreationExpression(StackAllocArrayCreationExpressionSyntax node)
        {
            Add(node, "stackalloc: not supported by nanoFramework");
            base.VisitStackAllocArrayCreationExpression(node);
        }

        public override void VisitAwaitExpression(AwaitExpressionSyntax node)
        {
            Add(node, "await: async/await is not supported by nanoFramework");
            base.VisitAwaitExpression(node);
        }

        public override void VisitAttribute(AttributeSyntax node)
        {
            string name = node.Name.ToString();
            if ((name == "DataRow" || name.EndsWith(".DataRow")) && node.ArgumentList != null)
            {
                foreach (AttributeArgumentSyntax argument in node.ArgumentList.Arguments)
                {
                    if (argument.Expression is ArrayCreationExpressionSyntax
                        || argument.Expression is ImplicitArrayCreationExpressionSyntax
                        || argument.Expression is CollectionExpressionSyntax)
                    {
                        Add(argument, "DataRow with an array argument: nanoFramework's test launcher silently runs none of the class's tests (measured in nanoCLR); pass the values as a string");
                    }
                }
            }

            base.VisitAttribute(node);
        }

        public override void VisitToken(SyntaxToken token)
        {
            if (token.IsKind(SyntaxKind.AsyncKeyword) && token.Parent is not IdentifierNameSyntax)
            {
                Add(token, "async: async/await is not supported by nanoFramework");
            }

            base.VisitToken(token);
        }

        private void Add(SyntaxNode node, string message)
        {
            Findings.Add(new Finding { Location = node.GetLocation(), Message = message });
        }

        private void Add(SyntaxToken token, string message)
        {
            Findings.Add(new Finding { Location = token.GetLocation(), Message = message });
        }
    }
}
