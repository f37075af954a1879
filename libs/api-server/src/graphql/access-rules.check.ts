import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { RESOLVER_TYPE_METADATA } from '@nestjs/graphql';

import { ACCESS_KEY } from '@pilotis/access';

/**
 * Guarded by construction: the API refuses to start if any Query or Mutation lacks an access rule
 * (`@Public`, `@Authenticated` or `@Allow`). The guard fails closed too; this makes the mistake loud.
 */
@Injectable()
export class AccessRulesCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const missing: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const method = proto[name] as (...args: unknown[]) => unknown;
        const type = this.reflector.get<string | undefined>(RESOLVER_TYPE_METADATA, method);
        if (type !== 'Query' && type !== 'Mutation') continue;
        const rule = this.reflector.get(ACCESS_KEY, method) ?? this.reflector.get(ACCESS_KEY, instance.constructor);
        if (!rule) missing.push(`${instance.constructor.name}.${name}`);
      }
    }
    if (missing.length > 0) {
      throw new Error(`Operations without an access rule (@Public, @Authenticated or @Allow): ${missing.join(', ')}`);
    }
  }
}
