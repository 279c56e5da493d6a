import { Injectable, type OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { type DocumentedResponse, RESPONSE_KEY } from '../http/api-responses';
import { ACCESS_KEY, type AccessRule, SESSION_ONLY_KEY } from './access.decorator';

export type RouteInfo = { method: string; path: string; access: AccessRule | undefined; handler: string; sessionOnly?: boolean; response?: DocumentedResponse };

const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/** Every HTTP route of the app with its access rule (the RBAC matrix test walks this list). */
@Injectable()
export class RouteInventory implements OnApplicationBootstrap {
  private globalPrefix = '';

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  setGlobalPrefix(prefix: string): void {
    this.globalPrefix = prefix;
  }

  routes(): RouteInfo[] {
    const out: RouteInfo[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, wrapper.metatype) as string | string[] | undefined) ?? '';
      const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const fn = proto[name] as (...args: unknown[]) => unknown;
        const sub = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
        if (sub === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod];
        const access = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [fn, wrapper.metatype]);
        const sessionOnly = this.reflector.getAllAndOverride<boolean | undefined>(SESSION_ONLY_KEY, [fn, wrapper.metatype]) === true;
        const response = this.reflector.get<DocumentedResponse | undefined>(RESPONSE_KEY, fn);
        for (const b of [base].flat()) {
          for (const s of [sub].flat()) {
            out.push({ method, path: join(this.globalPrefix, b, s), access, handler: `${wrapper.name}.${name}`, sessionOnly, response });
          }
        }
      }
    }
    return out;
  }

  /** Start-up fails when a route forgot to declare who may call it. */
  onApplicationBootstrap(): void {
    const missing = this.routes().filter((r) => !r.access);
    if (missing.length) {
      throw new Error(`Routes without @Access/@Public: ${missing.map((r) => `${r.method} ${r.path} (${r.handler})`).join(', ')}`);
    }
  }
}
